-- One announcement, many regions (issue 15): the copies of a fan-out announcement share a group id, so one edit,
-- delete or restore applies to every copy. NULL for an ordinary post or a copy detached from its group.
ALTER TABLE posts ADD COLUMN fan_out_group TEXT;
CREATE INDEX posts_fan_out_group ON posts (fan_out_group) WHERE fan_out_group IS NOT NULL;

-- Copies made before this migration carry their group only in their creation audit entry.
UPDATE posts SET fan_out_group = (
  SELECT json_extract(a.after_json, '$.group') FROM audit_log a
  WHERE a.entity_type = 'post' AND a.entity_id = posts.id AND a.action = 'content.create'
    AND json_extract(a.after_json, '$.group') IS NOT NULL
  LIMIT 1
)
WHERE kind = 'pengumuman' AND fan_out_group IS NULL;
