// Insert statements shared by the repositories and the import writer worker, which cannot import the
// repositories (it runs outside the bundler, so it imports only leaf modules like this one).

export const INSERT_INTERACTION_SQL = `INSERT OR IGNORE INTO interactions (id, session_id, timestamp, query, intent, tools,
  workflow, feedback, modifications, execution_success, quality_score, origin, content_hash)
  VALUES (@id, @session_id, @timestamp, @query, @intent, @tools, @workflow, @feedback, @modifications, @execution_success,
  @quality_score, @origin, @content_hash)`;

export const INSERT_EXAMPLE_SQL = `INSERT OR IGNORE INTO examples (id, kind, source, group_id, base_id, style, engine, category,
  analysis_type, difficulty, input, output, ground_truth_intent, parsed_intent, intent_diff, intent_mismatches, confidence,
  status, split, quality_score, content_hash, job_id, created_at, seq, template_id)
  VALUES (@id, @kind, @source, @group_id, @base_id, @style, @engine, @category, @analysis_type, @difficulty, @input, @output,
  @ground_truth_intent, @parsed_intent, @intent_diff, @intent_mismatches, @confidence, @status, @split, @quality_score,
  @content_hash, @job_id, @created_at, @seq, @template_id)`;

export const NEXT_EXAMPLE_SEQ_SQL = 'SELECT coalesce(max(seq), 0) + 1 AS next FROM examples';
