-- In-store (interior) cameras count people with the same detectors as entrance cameras.
INSERT INTO recognition_models (camera_kind, model_name) VALUES ('interior', 'rtmdet-nano-person') ON CONFLICT DO NOTHING;
