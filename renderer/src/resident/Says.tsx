/** One message in the resident screen's three registers: 日本語, やさしい日本語 (lang ja, smaller), English (lang en). */
export function Says({ ja, easy, en, as = 'p' }: { ja: string; easy: string; en: string; as?: 'p' | 'div' }) {
  const Tag = as;
  return (
    <Tag className="says">
      <span className="says-ja">{ja}</span>
      <span className="says-easy">{easy}</span>
      <span className="says-en" lang="en">{en}</span>
    </Tag>
  );
}
