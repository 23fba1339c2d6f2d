import { DOCX_MAX_COMPRESSION_RATIO, DOCX_MAX_ENTRIES, DOCX_MAX_UNPACKED_BYTES } from "./limits";
import type { ImportError, UnsupportedFormatReason } from "./types";

const MB = 1024 * 1024;

const REASON_VALUES: Partial<Record<UnsupportedFormatReason, Record<string, number>>> = {
  DOCX_TOO_MANY_PARTS: { limit: DOCX_MAX_ENTRIES },
  DOCX_TOO_LARGE_UNPACKED: { limit: DOCX_MAX_UNPACKED_BYTES / MB },
  DOCX_OVERCOMPRESSED: { ratio: DOCX_MAX_COMPRESSION_RATIO },
};

/** An import refusal's message: its key in the "import" catalogue and its values, for the preview and the command line alike. */
export function importErrorMessage(error: ImportError): { key: string; values: Record<string, string | number> } {
  switch (error.code) {
    case "UNSUPPORTED_FORMAT":
      return { key: `errors.UNSUPPORTED_FORMAT.${error.reason}`, values: REASON_VALUES[error.reason] ?? {} };
    case "FILE_TOO_LARGE":
      return { key: "errors.FILE_TOO_LARGE", values: { size: (error.size / MB).toFixed(1), limit: error.limit / MB } };
    default:
      return { key: `errors.${error.code}`, values: {} };
  }
}
