/**
 * What a trainee can use where the 見本ICカード cannot be (no chip service, no training reader): the 見本カード
 * images — only where images can be read, i.e. the OCR engine is on and did not fail to start (`--ocr off`
 * has none). Otherwise the card's content is typed by hand, and the message must not send them to the images.
 */
export function insteadOfChip(imagesReadable: boolean): string {
  return imagesReadable ? '見本カード（画像）は使えます。' : 'カード画像の読み取り（OCR）も使えないため、カードの内容は手で入力してください。';
}
