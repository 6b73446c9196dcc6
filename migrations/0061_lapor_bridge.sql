-- SP4N-LAPOR bridge: where a report came in (this portal, or a report the national system sent here through a
-- partner's connector), and the reporter's consent to forward their identity to the national system. Without a
-- consent time (and always for anonymous reports) the partner API withholds name, phone and e-mail.

ALTER TABLE complaints ADD COLUMN channel TEXT NOT NULL DEFAULT 'portal' CHECK (channel IN ('portal', 'sp4n_lapor'));
ALTER TABLE complaints ADD COLUMN identity_consent_at INTEGER;  -- epoch ms the reporter agreed, or NULL
