-- Autosaved drafts of admin forms: one per user and form (e.g. `post:new`, `post:{id}`), replaced on every autosave
-- and removed when the form is submitted. Holds only what the officer typed into an admin form.
CREATE TABLE form_drafts (
  user_id TEXT NOT NULL,
  form_key TEXT NOT NULL,
  data_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, form_key)
);
