/** The edXML namespace of QCVN 102:2016/BTTTT. Elements are matched by this URI and local name, never by prefix. */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** The conventional prefix real SDKs write inside the envelope. */
export const EDXML_PREFIX = 'edXML';
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
