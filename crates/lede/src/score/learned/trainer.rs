//! Training the sentence scorer: the shared gradient-boosted tree trainer
//! ([`lede_gbdt`]) over sentence features, wrapped into a [`Model`].

use super::features::Features;
use super::lexicon::Lexicon;
use super::model::{Model, SelectionHint};
pub use lede_gbdt::TrainConfig;

/// Labelled sentences: one feature vector and one target in `[0, 1]` each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Feature vectors.
    pub features: Vec<Features>,
    /// Targets: 1 for sentences in the oracle summary, else 0.
    pub labels: Vec<f32>,
}

impl Dataset {
    /// Appends the sentences of one document.
    pub fn extend(&mut self, features: Vec<Features>, labels: Vec<f32>) {
        debug_assert_eq!(features.len(), labels.len());
        self.features.extend(features);
        self.labels.extend(labels);
    }
}

/// Trains a model. `on_round(trees_so_far, &model)` is called every
/// `report_every` trees and at the end (for validation and progress).
pub fn train(
    data: &Dataset,
    config: &TrainConfig,
    selection: SelectionHint,
    lexicon: Lexicon,
    report_every: usize,
    mut on_round: impl FnMut(usize, &Model),
) -> Model {
    let mut booster = lede_gbdt::Booster::new(&data.features, &data.labels, config);
    let mut model = Model {
        base_score: booster.base_score(),
        trees: Vec::with_capacity(config.trees),
        selection,
        lexicon,
    };
    for round in 0..config.trees {
        model.trees.push(booster.grow());
        let done = round + 1;
        if report_every > 0 && (done % report_every == 0 || done == config.trees) {
            on_round(done, &model);
        }
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::learned::features::{Row, FEATURE_COUNT, ROW_WIDTH};

    #[test]
    fn learns_a_threshold_and_round_trips() {
        let mut data = Dataset::default();
        for i in 0..400 {
            let mut x = [0.0; FEATURE_COUNT];
            x[0] = (i % 40) as f32;
            x[5] = (i % 7) as f32;
            data.extend(vec![x], vec![if x[0] < 3.0 { 1.0 } else { 0.0 }]);
        }
        let hint = SelectionHint {
            sentences: 3,
            max_overlap: 0.6,
            set_scorer: None,
        };
        let config = TrainConfig {
            trees: 30,
            ..TrainConfig::default()
        };
        let mut reports = 0;
        let model = train(&data, &config, hint, Lexicon::default(), 10, |_, _| {
            reports += 1
        });
        assert_eq!(reports, 3);
        let mut early = [0.0; FEATURE_COUNT];
        early[0] = 1.0;
        let mut late = early;
        late[0] = 30.0;
        assert!(model.predict(&early) > 0.0 && model.predict(&late) < 0.0);
        model.validate().unwrap();
        let forest = lede_gbdt::Forest::new(model.base_score, &model.trees, FEATURE_COUNT);
        let rows: Vec<Row> = data
            .features
            .iter()
            .map(|x| {
                let mut row = [0.0; ROW_WIDTH];
                row[..FEATURE_COUNT].copy_from_slice(x);
                row
            })
            .collect();
        let mut predicted = Vec::new();
        forest.predict_rows(&rows, &mut predicted);
        for (x, p) in data.features.iter().zip(predicted) {
            assert_eq!(p, model.predict(x), "compiled forest agrees with the trees");
        }

        let bytes = super::super::serialization::to_bytes(&model);
        assert_eq!(
            super::super::serialization::from_bytes(&bytes).unwrap(),
            model
        );
        let again = train(&data, &config, hint, Lexicon::default(), 0, |_, _| {});
        assert_eq!(again, model, "training is deterministic");
    }
}
