// @ts-check
/**
 * A component reads a zustand store through a selector: `useCase((s) => s.draft)`, never the whole
 * store (`const { draft } = useCase()`). A whole-store subscription re-renders the component on every
 * change of the store, so one keystroke in a form re-rendered every screen part that used the store
 * (issue 15: keystroke → render on the whole case). Also refused: a selector that returns the whole
 * state (`useCase((s) => s)`), which is the same subscription written longer. Store hooks are named
 * in the rule's options (`hooks`); `useCase.getState()` in handlers is not a subscription and stays free.
 */

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'zustand store hooks are called with a selector (no whole-store subscriptions)' },
    schema: [{ type: 'object', properties: { hooks: { type: 'array', items: { type: 'string' } } }, required: ['hooks'], additionalProperties: false }],
    messages: {
      noSelector: '{{hook}}() subscribes to the whole store: every change re-renders this component. Select what it shows: {{hook}}((s) => s.value), or useShallow for a few values.',
      identity: '{{hook}}((s) => s) subscribes to the whole store: select the values this component shows.',
    },
  },
  create(context) {
    const hooks = new Set(context.options[0]?.hooks ?? []);
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || !hooks.has(node.callee.name)) return;
        const hook = node.callee.name;
        const sel = node.arguments[0];
        if (!sel) return context.report({ node, messageId: 'noSelector', data: { hook } });
        if ((sel.type === 'ArrowFunctionExpression' || sel.type === 'FunctionExpression') && sel.params[0]?.type === 'Identifier') {
          const param = sel.params[0].name;
          const body = sel.body.type === 'BlockStatement' && sel.body.body.length === 1 && sel.body.body[0]?.type === 'ReturnStatement' ? sel.body.body[0].argument : sel.body;
          if (body?.type === 'Identifier' && body.name === param) context.report({ node, messageId: 'identity', data: { hook } });
        }
      },
    };
  },
};

export default { rules: { 'store-selectors': rule } };
