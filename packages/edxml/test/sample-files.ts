/** Small real-format payloads for building envelopes in tests. */
export const SAMPLE_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const SAMPLE_TEXT = new TextEncoder().encode('Nội dung tệp văn bản đính kèm.\n');

export const FROM = { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' } as const;
export const TO = { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' } as const;
