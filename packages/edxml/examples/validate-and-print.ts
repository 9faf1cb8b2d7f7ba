// Validate an envelope received from the axis and print the findings in Vietnamese.
import { validateEdxml } from '@lienthong/edxml';
import { formatText } from '@lienthong/report';

export function validateAndPrint(bytes: Uint8Array, fileName: string): { valid: boolean; text: string } {
  const { message, report } = validateEdxml(bytes, { subject: fileName });
  let text = formatText([report], { lang: 'vi' });
  if (message?.kind === 'document') text += `Trích yếu: ${message.header.subject ?? '(không có)'}\n`;
  return { valid: report.valid, text };
}
