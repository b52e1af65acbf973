// @ts-check
/**
 * Which world may import what. Each file belongs to a world by its folder; an import that
 * crosses into a world it may not touch fails lint, so a renderer file can never grow a Node
 * dependency and common/ stays runnable everywhere (the idea of Signal-Desktop's file-suffix rule,
 * keyed on folders here).
 *
 *   common    pure TypeScript: other common files and pure packages only (no Node, no DOM, no Electron)
 *   renderer  the UI: renderer, common, UI packages; never Node built-ins, Electron or main/
 *   preload   the bridge: common and electron only
 *   shell     main/electron: the thin Electron shell; may use everything in main/
 *   services  the rest of main/: Node and npm, never electron, renderer or preload
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** npm packages each world may use (by package name). */
const PACKAGES = {
  common: new Set(['zod']),
  renderer: new Set(['react', 'react-dom', 'zustand', 'zod', '@fontsource-variable/noto-sans-jp']),
  preload: new Set(['electron']),
};

/** @param {string} rel repo-relative posix path */
export function worldOf(rel) {
  rel = `${rel}/`; // so that a folder import ('../common') counts as inside it
  if (rel.startsWith('common/')) return 'common';
  if (rel.startsWith('renderer/')) return 'renderer';
  if (rel.startsWith('preload/')) return 'preload';
  if (rel.startsWith('main/electron/')) return 'shell';
  if (rel.startsWith('main/')) return 'services';
  return null;
}

/** Worlds each world may import from (by file). */
const MAY_IMPORT = {
  common: ['common'],
  renderer: ['renderer', 'common'],
  preload: ['preload', 'common'],
  shell: ['shell', 'services', 'common'],
  services: ['services', 'common'],
};

/**
 * @param {string} world
 * @param {string} specifier
 * @param {string | null} targetWorld world of a relative import's target, null for a package
 * @returns {string | null} why it is refused
 */
export function refusal(world, specifier, targetWorld) {
  if (specifier.startsWith('.')) {
    if (targetWorld === null) return null; // outside the app (e.g. tests), not our concern here
    return MAY_IMPORT[world].includes(targetWorld) ? null : `${world} may not import from ${targetWorld}`;
  }
  const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(pkg)) {
    return world === 'services' || world === 'shell' ? null : `${world} may not import Node built-in "${specifier}"`;
  }
  if (pkg === 'electron') {
    return world === 'shell' || world === 'preload' ? null : `${world} may not import electron (only main/electron and preload may)`;
  }
  if (world === 'services' || world === 'shell') return null;
  return PACKAGES[world].has(pkg) ? null : `${world} may not import package "${pkg}" (allowed: ${[...PACKAGES[world]].join(', ')})`;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'keep common/, renderer/, preload/, main/electron and main services in their own worlds' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { crossing: 'Import boundary: {{why}}.' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const world = worldOf(file);
    if (!world) return {};
    /** @param {any} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return;
      let targetWorld = null;
      if (source.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/');
        targetWorld = worldOf(target);
      }
      const why = refusal(world, source, targetWorld);
      if (why) context.report({ node, messageId: 'crossing', data: { why } });
    }
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') {
          check(n.arguments[0], n.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { boundaries: rule } };
