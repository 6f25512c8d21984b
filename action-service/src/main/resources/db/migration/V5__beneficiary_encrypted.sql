-- Beneficiaries' personal data is stored encrypted (AES-256-GCM, base64): longer than the plain text.
alter table need_beneficiary alter column name type text, alter column phone type text, alter column address type text;
