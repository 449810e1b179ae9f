// The signing module's public surface (issue 14: signed electronic results).
// The composition root builds the service and routes; the dossier module signs a PDF result with
// it when a leader marks the result ready; the citizen's document store lists signed results
// (listFor); other modules sign a PDF they render (issue / sign + record) — e.g. a birth certificate.
export { SigningService, initialsOf, type IssueMeta, type PreparedSigned, type SigningOptions, type SigningStatus, type VerifyOutcome, type VerifyVerdict } from './signing.service';
export type { SignedDocument } from './signing.repo';
export { CertificateError, DEMO_MARK, loadCertificate, makeDemoCertificate, type SigningCertificate } from './signing.cert';
export { checkSignature, type SignatureCheck, type SignatureState } from './signing.verify';
export { signingRoutes } from './signing.routes';
export { ensureDemoCertificate, readSigningKey } from './signing.setup';
