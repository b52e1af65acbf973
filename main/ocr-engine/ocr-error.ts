import type { OcrErrorCode } from '../../common/ocr/card-result';

/** A problem with the input the clerk can act on; `message` is shown to the clerk as is. */
export class OcrInputError extends Error {
  constructor(
    readonly code: OcrErrorCode,
    message: string,
  ) {
    super(message);
  }
}
