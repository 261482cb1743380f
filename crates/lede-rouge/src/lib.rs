//! ROUGE evaluation (placeholder until the evaluator lands).
