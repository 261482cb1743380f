//! The learned block classifier: per text block of a walk, the odds that it is main
//! content, from its text, its place in the page and the rules' own decisions.

use super::block::{Block, Kind, MAX_LINK_DENSITY};
use super::phrases::is_furniture_text;
use super::walk::Walk;
use super::BlockKind;

/// Features computed per block.
pub const BLOCK_FEATURES: usize = 28;
/// Values per row as the forest walks them: the features, then zero padding.
pub const BLOCK_ROW_WIDTH: usize = BLOCK_FEATURES.next_power_of_two();
/// One block's features, padded to [`BLOCK_ROW_WIDTH`].
pub type BlockRow = [f32; BLOCK_ROW_WIDTH];

/// Names of the features, in row order.
pub const BLOCK_FEATURE_NAMES: [&str; BLOCK_FEATURES] = [
    "log_chars",
    "link_density",
    "words",
    "sentence_marks",
    "prose",
    "teaser",
    "heading_level",
    "paragraph",
    "item",
    "quote_or_code",
    "table_row",
    "after_related_heading",
    "furniture_text",
    "in_chosen",
    "kept_by_rules",
    "page_position",
    "position_in_chosen",
    "depth",
    "depth_below_chosen",
    "duplicates",
    "log_chosen_chars",
    "chosen_share",
    "digit_share",
    "upper_share",
    "ends_with_mark",
    "mean_word_length",
    "prose_neighbours",
    "blocks_to_prose",
];

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '!' | '?' | ';' | ':' | '。' | '、' | '،' | '！' | '？'
    )
}

/// Whether the rules keep `block` of the chosen element (the filter of `Walk::output`
/// before the trailing-scraps cut).
fn kept_by_rules(block: &Block) -> bool {
    !(block.dropped
        || (block.link_density() > MAX_LINK_DENSITY && !block.is_linked_sentence())
        || block.is_teaser()
        || block.kind == Kind::Heading(1)
        || is_furniture_text(&block.text))
}

/// The feature rows of every block of `walk`, in page order.
pub(super) fn rows(walk: &Walk) -> Vec<BlockRow> {
    let blocks = walk.blocks();
    let depths = walk.depths();
    let n = blocks.len();
    let chosen = walk.chosen();
    let (start, end) = chosen.unwrap_or((0, 0));
    let chosen_depth = depths[start..end].iter().copied().min().unwrap_or(0);
    let page_chars: usize = blocks.iter().map(|b| b.chars).sum();
    let chosen_chars: usize = blocks[start..end].iter().map(|b| b.chars).sum();
    let mut counts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for b in blocks {
        *counts.entry(b.text.as_str()).or_default() += 1;
    }
    let prose: Vec<bool> = blocks.iter().map(Block::is_prose).collect();
    // Distance in blocks to the nearest prose block, both ways.
    let mut to_prose = vec![n as f32; n];
    let mut last = None;
    for i in 0..n {
        if prose[i] {
            last = Some(i);
        }
        if let Some(l) = last {
            to_prose[i] = (i - l) as f32;
        }
    }
    last = None;
    for i in (0..n).rev() {
        if prose[i] {
            last = Some(i);
        }
        if let Some(l) = last {
            to_prose[i] = to_prose[i].min((l - i) as f32);
        }
    }
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut words = 0usize;
            let mut word_chars = 0usize;
            let (mut marks, mut digits, mut upper) = (0usize, 0usize, 0usize);
            for w in b.text.split_whitespace() {
                words += 1;
                word_chars += w.chars().count();
            }
            for c in b.text.chars() {
                marks += usize::from(is_mark(c));
                digits += usize::from(c.is_numeric());
                upper += usize::from(c.is_uppercase());
            }
            let chars = b.chars.max(1) as f32;
            let in_chosen = (start..end).contains(&i);
            let heading = match b.kind {
                Kind::Heading(level) => f32::from(level),
                _ => 0.0,
            };
            let values: [f32; BLOCK_FEATURES] = [
                (b.chars as f32).ln_1p(),
                b.link_density() as f32,
                words as f32,
                marks as f32,
                f32::from(u8::from(prose[i])),
                f32::from(u8::from(b.is_teaser())),
                heading,
                f32::from(u8::from(b.kind == Kind::Paragraph)),
                f32::from(u8::from(b.kind == Kind::Item)),
                f32::from(u8::from(matches!(
                    b.style,
                    BlockKind::Quote | BlockKind::Code
                ))),
                f32::from(u8::from(matches!(b.style, BlockKind::TableRow(_)))),
                f32::from(u8::from(b.dropped)),
                f32::from(u8::from(is_furniture_text(&b.text))),
                f32::from(u8::from(in_chosen)),
                f32::from(u8::from(in_chosen && kept_by_rules(b))),
                i as f32 / n as f32,
                if in_chosen {
                    (i - start) as f32 / (end - start) as f32
                } else {
                    -1.0
                },
                depths[i] as f32,
                if in_chosen {
                    depths[i] as f32 - chosen_depth as f32
                } else {
                    -1.0
                },
                counts[b.text.as_str()] as f32,
                (chosen_chars as f32).ln_1p(),
                chosen_chars as f32 / page_chars.max(1) as f32,
                digits as f32 / chars,
                upper as f32 / chars,
                f32::from(u8::from(b.text.trim_end().ends_with(is_mark))),
                word_chars as f32 / words.max(1) as f32,
                f32::from(u8::from(i > 0 && prose[i - 1]))
                    + f32::from(u8::from(i + 1 < n && prose[i + 1])),
                to_prose[i],
            ];
            let mut row = [0.0; BLOCK_ROW_WIDTH];
            row[..BLOCK_FEATURES].copy_from_slice(&values);
            row
        })
        .collect()
}

/// The blocks of `doc`'s walk (`strict`: the first pass, which also skips elements named
/// like layout): each block's text and feature row, for training the classifier. The hints
/// are those of a page that declares no forum type.
pub(crate) fn training_blocks(doc: &crate::dom::Document, strict: bool) -> Vec<(String, BlockRow)> {
    let hints = super::hints::element_hints(doc, false);
    let walk = Walk::run(doc, &hints, strict);
    let rows = rows(&walk);
    walk.blocks()
        .iter()
        .map(|b| b.text.clone())
        .zip(rows)
        .collect()
}

const MAGIC: &[u8; 8] = b"LEDEBLKS";
const VERSION: u32 = 1;

/// Why a block model was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlockModelError {
    /// Not a block model file of this version.
    #[error("not a block model file of version {VERSION}")]
    BadHeader,
    /// The model was trained on other features than this build computes.
    #[error("block model was trained with different features")]
    FeatureMismatch,
    /// The trees are truncated or malformed.
    #[error("block model is invalid: {0}")]
    Invalid(String),
}

/// A trained block classifier: a base score and trees over [`BLOCK_FEATURES`].
#[derive(Debug, Clone, PartialEq)]
pub struct BlockModel {
    /// Starting log-odds.
    pub base_score: f32,
    /// The trees, added together.
    pub trees: Vec<lede_gbdt::Tree>,
}

impl BlockModel {
    /// Encodes the model: magic, version, feature names, base score, trees.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(VERSION.to_le_bytes());
        out.extend((BLOCK_FEATURES as u32).to_le_bytes());
        for name in BLOCK_FEATURE_NAMES {
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(name.as_bytes());
        }
        out.extend(self.base_score.to_le_bytes());
        lede_gbdt::write_trees(&self.trees, &mut out);
        out
    }

    /// Reads and validates a model written by [`BlockModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<BlockModel, BlockModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .and_then(|r| r.strip_prefix(VERSION.to_le_bytes().as_slice()))
            .ok_or(BlockModelError::BadHeader)?;
        let mut rest = rest
            .strip_prefix((BLOCK_FEATURES as u32).to_le_bytes().as_slice())
            .ok_or(BlockModelError::FeatureMismatch)?;
        for name in BLOCK_FEATURE_NAMES {
            rest = rest
                .strip_prefix((name.len() as u16).to_le_bytes().as_slice())
                .and_then(|r| r.strip_prefix(name.as_bytes()))
                .ok_or(BlockModelError::FeatureMismatch)?;
        }
        let (base, mut rest) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| BlockModelError::Invalid("truncated".into()))?;
        let base_score = f32::from_le_bytes(*base);
        let trees = lede_gbdt::read_trees(&mut rest)
            .map_err(|e| BlockModelError::Invalid(e.to_string()))?;
        if !rest.is_empty() || !base_score.is_finite() {
            return Err(BlockModelError::Invalid("trailing data".into()));
        }
        lede_gbdt::validate_trees(&trees, BLOCK_FEATURES).map_err(BlockModelError::Invalid)?;
        Ok(BlockModel { base_score, trees })
    }

    /// Compiles the model for scoring.
    pub fn compile(&self) -> lede_gbdt::Forest {
        lede_gbdt::Forest::new(self.base_score, &self.trees, BLOCK_FEATURES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
        <div class=story><h1>Harbour reopens</h1>\
        <p>The harbour reopened on Monday after a week of repairs to the sea wall, the port said.</p>\
        <p>Fishing boats were the first to leave, followed by two ferries bound for the islands.</p>\
        <p>Officials expect traffic to return to normal by the end of the month, they added.</p></div>\
        <ul class=links><li><a href=/a>Weather</a></li><li><a href=/b>Sport</a></li>\
        <li><a href=/c>Markets</a></li></ul></body></html>";

    fn feature(name: &str) -> usize {
        BLOCK_FEATURE_NAMES
            .iter()
            .position(|n| *n == name)
            .expect("a feature of that name")
    }

    #[test]
    fn rows_carry_the_rules_decisions_and_score_deterministically() {
        let blocks = training_blocks(&crate::dom::Document::parse(PAGE), true);
        let texts: Vec<&str> = blocks.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts.len(), 7, "the menu is skipped: {texts:?}");
        let kept: Vec<bool> = blocks
            .iter()
            .map(|(_, r)| r[feature("kept_by_rules")] == 1.0)
            .collect();
        let prose: Vec<bool> = texts
            .iter()
            .map(|t| t.starts_with(['T', 'F', 'O']))
            .collect();
        assert_eq!(kept, prose, "the rules keep the three paragraphs only");
        let menu = &blocks[texts.iter().position(|t| *t == "Weather").unwrap()].1;
        assert_eq!(menu[feature("link_density")], 1.0);
        assert_eq!(menu[feature("in_chosen")], 0.0);
        assert!(blocks
            .iter()
            .all(|(_, r)| r[BLOCK_FEATURES..].iter().all(|&v| v == 0.0)));

        let rows: Vec<BlockRow> = blocks.iter().map(|(_, r)| *r).collect();
        let labels: Vec<f32> = kept.iter().map(|&k| f32::from(u8::from(k))).collect();
        let rows: Vec<BlockRow> = rows.iter().cycle().take(rows.len() * 20).copied().collect();
        let labels: Vec<f32> = labels.iter().cycle().take(rows.len()).copied().collect();
        let config = lede_gbdt::TrainConfig {
            trees: 10,
            min_child_hessian: 1.0,
            ..lede_gbdt::TrainConfig::default()
        };
        let (base_score, trees) = lede_gbdt::train(&rows, &labels, &config);
        let model = BlockModel { base_score, trees };
        let again = BlockModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again, model);
        let mut scores = Vec::new();
        again.compile().predict_rows(&rows[..7], &mut scores);
        for (score, &k) in scores.iter().zip(&kept) {
            assert_eq!(*score > 0.0, k, "{scores:?}");
        }
        let (base_again, trees_again) = lede_gbdt::train(&rows, &labels, &config);
        assert_eq!((base_again, trees_again), (model.base_score, model.trees));
        assert!(BlockModel::from_bytes(b"LEDEBLKS").is_err());
    }
}
