import type { Findings } from '../findings';
import type { EdxmlMessage } from '../model/message';
import type { Organization, StaffInfo } from '../model/organization';
import { fieldTooLong } from '../rules/length';

/**
 * Maximum lengths (in characters) of the opt-in length profile. QCVN 102:2016 publishes none; these defaults
 * are the column sizes one implementer's database uses (domain notes §1.4, source S8, not normative).
 */
export interface LengthProfile {
  documentId: number;
  codeNumber: number;
  codeNotation: number;
  place: number;
  typeName: number;
  subject: number;
  content: number;
  competence: number;
  position: number;
  fullName: number;
  sphereOfPromulgation: number;
  typerNotation: number;
  organId: number;
  organName: number;
  organizationInCharge: number;
  organAdd: number;
  email: number;
  telephone: number;
  fax: number;
  website: number;
  department: number;
  staff: number;
  staffEmail: number;
  mobile: number;
}

export const DEFAULT_LENGTH_PROFILE: Readonly<LengthProfile> = Object.freeze({
  documentId: 200,
  codeNumber: 50,
  codeNotation: 50,
  place: 50,
  typeName: 100,
  subject: 500,
  content: 500,
  competence: 100,
  position: 100,
  fullName: 50,
  sphereOfPromulgation: 100,
  typerNotation: 10,
  organId: 50,
  organName: 200,
  organizationInCharge: 200,
  organAdd: 250,
  email: 100,
  telephone: 50,
  fax: 50,
  website: 100,
  department: 250,
  staff: 100,
  staffEmail: 100,
  mobile: 100,
});

/** Checks every field the profile names; counts characters (code points), not UTF-16 units. */
export function checkLengthProfile(findings: Findings, message: EdxmlMessage, profile: LengthProfile): void {
  const check = (value: string | undefined, limit: number, path: string) => {
    if (value === undefined || value.length <= limit) return;
    const length = [...value].length;
    if (length > limit) findings.report(fieldTooLong, { field: path, length, limit }, path);
  };
  const organization = (value: Organization | undefined, path: string) => {
    if (!value) return;
    check(value.organId, profile.organId, `${path}/OrganId`);
    check(value.organizationInCharge, profile.organizationInCharge, `${path}/OrganizationInCharge`);
    check(value.organName, profile.organName, `${path}/OrganName`);
    check(value.organAdd, profile.organAdd, `${path}/OrganAdd`);
    check(value.email, profile.email, `${path}/Email`);
    check(value.telephone, profile.telephone, `${path}/Telephone`);
    check(value.fax, profile.fax, `${path}/Fax`);
    check(value.website, profile.website, `${path}/Website`);
  };
  const staff = (value: StaffInfo | undefined, path: string) => {
    if (!value) return;
    check(value.department, profile.department, `${path}/Department`);
    check(value.staff, profile.staff, `${path}/Staff`);
    check(value.email, profile.staffEmail, `${path}/Email`);
    check(value.mobile, profile.mobile, `${path}/Mobile`);
  };
  organization(message.header.from, 'MessageHeader/From');
  if (message.kind === 'status') {
    staff(message.header.staffInfo, 'MessageHeader/StaffInfo');
    return;
  }
  const header = message.header;
  header.to.forEach((to, index) => {
    organization(to, `MessageHeader/To[${index + 1}]`);
  });
  check(header.documentId, profile.documentId, 'MessageHeader/DocumentId');
  check(header.code?.codeNumber, profile.codeNumber, 'MessageHeader/Code/CodeNumber');
  check(header.code?.codeNotation, profile.codeNotation, 'MessageHeader/Code/CodeNotation');
  check(header.promulgationInfo?.place, profile.place, 'MessageHeader/PromulgationInfo/Place');
  check(header.documentType?.typeName, profile.typeName, 'MessageHeader/DocumentType/TypeName');
  check(header.subject, profile.subject, 'MessageHeader/Subject');
  check(header.content, profile.content, 'MessageHeader/Content');
  check(header.signerInfo?.competence, profile.competence, 'MessageHeader/SignerInfo/Competence');
  check(header.signerInfo?.position, profile.position, 'MessageHeader/SignerInfo/Position');
  check(header.signerInfo?.fullName, profile.fullName, 'MessageHeader/SignerInfo/FullName');
  check(
    header.otherInfo?.sphereOfPromulgation,
    profile.sphereOfPromulgation,
    'MessageHeader/OtherInfo/SphereOfPromulgation',
  );
  check(header.otherInfo?.typerNotation, profile.typerNotation, 'MessageHeader/OtherInfo/TyperNotation');
  staff(message.traceHeaderList?.business?.staffInfo, 'TraceHeaderList/Bussiness/StaffInfo');
}
