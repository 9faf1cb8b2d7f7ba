/** The parts of a DocumentId written by convention: `{sender OrganId},{yyyy/MM/dd},{CodeNumber}/{CodeNotation}`. */
export interface DocumentIdParts {
  readonly organId: string;
  readonly date: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
}

/**
 * Splits a conventional DocumentId (QCVN 102:2016 §1.14), e.g. `000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`.
 * Returns undefined for other forms (UUIDs are common in real traffic). The notation may itself contain `/`.
 */
export function parseDocumentId(documentId: string): DocumentIdParts | undefined {
  const firstComma = documentId.indexOf(',');
  if (firstComma <= 0) return undefined;
  const secondComma = documentId.indexOf(',', firstComma + 1);
  if (secondComma < 0) return undefined;
  const code = documentId.slice(secondComma + 1);
  const slash = code.indexOf('/');
  if (slash <= 0 || slash === code.length - 1) return undefined;
  return {
    organId: documentId.slice(0, firstComma),
    date: documentId.slice(firstComma + 1, secondComma),
    codeNumber: code.slice(0, slash),
    codeNotation: code.slice(slash + 1),
  };
}

/** Writes a DocumentId by the convention. */
export function formatDocumentId(parts: DocumentIdParts): string {
  return `${parts.organId},${parts.date},${parts.codeNumber}/${parts.codeNotation}`;
}
