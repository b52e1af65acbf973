/**
 * What a browser shows when it opens browser mode without the launch link's token (a bookmark, a typed
 * address, a link from an earlier start): in Japanese, and saying where the right link is. No script,
 * no personal data, nothing that depends on the request (so nothing can be reflected into it).
 */
export const UNAUTHORIZED_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const UNAUTHORIZED_PAGE = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>いちまど — このアドレスでは開けません</title>
<style>
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; margin: 3rem auto; max-width: 40rem; line-height: 1.8; color: #1a1a1a; padding: 0 1rem; }
  h1 { font-size: 1.4rem; }
  code { background: #f0f0f0; padding: 0.1rem 0.3rem; }
</style>
</head>
<body>
<main>
<h1>このアドレスでは いちまど を開けません</h1>
<p>いちまど（ブラウザーモード）は、起動したときに表示されたアドレスでだけ開けます。
アドレスは起動のたびに変わるため、ブックマークや以前のアドレスでは開けません。</p>
<h2>開き方</h2>
<ol>
<li>いちまど を起動した画面（<code>npm start</code> などを実行した画面）を見てください。</li>
<li><code>ichimado browser mode: http://127.0.0.1:…/?token=…</code> と表示されたアドレスを、そのまま開いてください。</li>
<li>その画面が閉じていたら、いちまど をもう一度起動してください（新しいアドレスが表示されます）。</li>
</ol>
<p>分からないときは、情報担当の職員に連絡してください。</p>
</main>
</body>
</html>
`;
