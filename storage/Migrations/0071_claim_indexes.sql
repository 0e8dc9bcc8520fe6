-- The analysis claim asks, per candidate frame, whether its camera has a frame being analysed or one waiting to be
-- retried. With a backlog (100,000 pending frames over 2,000,000 rows, 1,000 cameras) each claim scanned every
-- unfinished row for both questions: 45 ms. These partial indexes hold only those few rows: 0.5 ms.
CREATE INDEX snapshots_analysing_camera ON snapshots(camera_code) WHERE status = 'analysing';
CREATE INDEX snapshots_retry_camera ON snapshots(camera_code, id) WHERE status = 'pending' AND retry_after IS NOT NULL;
