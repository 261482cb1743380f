//! The model file format: versioned, checksummed, validated on load.
//!
//! Layout (little-endian):
//! `b"LEDEMODL"`, format version `u32`, payload length `u64`, payload,
//! FNV-1a-64 checksum of the payload `u64`. The payload holds the feature
//! names the model was trained with (refused when they differ from this
//! build's), the base score, the selection settings and the trees; from
//! version 2 on, the set scorer after the trees (the count of its weights,
//! the weights, the charge per unresolved reference). A model without a
//! set scorer is written as version 1, which older builds read too.
//! Hand-written rather than a serde format because the layout is tiny, must
//! stay stable across releases, and is validated field by field.

use super::features::FEATURE_NAMES;
use super::lexicon::Lexicon;
use super::model::{Model, SelectionHint, SetScorer};
use crate::select::SET_FEATURES;
use lede_gbdt::TreeCodecError;

const MAGIC: &[u8; 8] = b"LEDEMODL";
/// Newest version of the file format this build reads and writes (it
/// reads every version from 1).
pub const FORMAT_VERSION: u32 = 2;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelFileError {
    /// The file does not start with the model magic bytes.
    #[error("not a lede model file (bad magic bytes)")]
    BadMagic,
    /// The file was written by another format version.
    #[error("model file format version {found} is not supported (this build reads versions 1 to {FORMAT_VERSION})")]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
    },
    /// The file ends early or has trailing bytes.
    #[error("model file is truncated or has trailing data")]
    Truncated,
    /// The checksum does not match: the file is corrupt.
    #[error("model file is corrupt (checksum mismatch)")]
    Checksum,
    /// The model was trained on other features.
    #[error("model was trained with different features than this build computes")]
    FeatureMismatch,
    /// The trees are malformed.
    #[error("model file is invalid: {0}")]
    Invalid(String),
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Serializes a model.
pub fn to_bytes(model: &Model) -> Vec<u8> {
    let mut p = Vec::new();
    p.extend((FEATURE_NAMES.len() as u32).to_le_bytes());
    for name in FEATURE_NAMES {
        p.extend((name.len() as u16).to_le_bytes());
        p.extend(name.as_bytes());
    }
    p.extend(model.base_score.to_le_bytes());
    p.extend(model.selection.sentences.to_le_bytes());
    p.extend(model.selection.max_overlap.to_le_bytes());
    let words = model.lexicon.sorted();
    p.extend((words.len() as u32).to_le_bytes());
    for (word, weight) in words {
        p.extend(word.to_le_bytes());
        p.extend(weight.to_le_bytes());
    }
    lede_gbdt::write_trees(&model.trees, &mut p);
    let version = match &model.selection.set_scorer {
        None => 1u32,
        Some(s) => {
            p.extend((s.weights.len() as u32).to_le_bytes());
            for w in s.weights {
                p.extend(w.to_le_bytes());
            }
            p.extend(s.unresolved_cost.to_le_bytes());
            2
        }
    };
    let mut out = Vec::with_capacity(p.len() + 28);
    out.extend(MAGIC);
    out.extend(version.to_le_bytes());
    out.extend((p.len() as u64).to_le_bytes());
    out.extend(&p);
    out.extend(fnv1a(&p).to_le_bytes());
    out
}

/// A cursor that never reads past the end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelFileError> {
        if self.bytes.len() < n {
            return Err(ModelFileError::Truncated);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelFileError> {
        Ok(self.take(N)?.try_into().expect("length checked"))
    }
    fn u16(&mut self) -> Result<u16, ModelFileError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, ModelFileError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, ModelFileError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn f32(&mut self) -> Result<f32, ModelFileError> {
        let v = f32::from_le_bytes(self.array()?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(ModelFileError::Invalid("non-finite number".into()))
        }
    }
    /// Reads a count whose items take at least `item_bytes` each, refusing
    /// counts the remaining bytes cannot hold (so no huge allocation).
    fn count(&mut self, item_bytes: usize) -> Result<usize, ModelFileError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item_bytes) > self.bytes.len() {
            return Err(ModelFileError::Truncated);
        }
        Ok(n)
    }
}

/// Reads and validates a model.
pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelFileError> {
    let mut r = Reader { bytes };
    if r.take(MAGIC.len()).map_err(|_| ModelFileError::BadMagic)? != MAGIC {
        return Err(ModelFileError::BadMagic);
    }
    let version = r.u32()?;
    if !(1..=FORMAT_VERSION).contains(&version) {
        return Err(ModelFileError::UnsupportedVersion { found: version });
    }
    let len = usize::try_from(r.u64()?).map_err(|_| ModelFileError::Truncated)?;
    let payload = r.take(len)?;
    let checksum = r.u64()?;
    if !r.bytes.is_empty() {
        return Err(ModelFileError::Truncated);
    }
    if fnv1a(payload) != checksum {
        return Err(ModelFileError::Checksum);
    }
    let mut p = Reader { bytes: payload };
    let names = p.count(2)?;
    if names != FEATURE_NAMES.len() {
        return Err(ModelFileError::FeatureMismatch);
    }
    for expected in FEATURE_NAMES {
        let n = p.u16()? as usize;
        if p.take(n)? != expected.as_bytes() {
            return Err(ModelFileError::FeatureMismatch);
        }
    }
    let base_score = p.f32()?;
    let mut selection = SelectionHint {
        sentences: p.u32()?,
        max_overlap: p.f32()?,
        set_scorer: None,
    };
    let n_words = p.count(12)?;
    let mut weights = std::collections::HashMap::with_capacity(n_words);
    for _ in 0..n_words {
        let word = p.u64()?;
        weights.insert(word, p.f32()?);
    }
    let trees = lede_gbdt::read_trees(&mut p.bytes).map_err(|e| match e {
        TreeCodecError::Truncated => ModelFileError::Truncated,
        TreeCodecError::NonFinite => ModelFileError::Invalid("non-finite number".into()),
    })?;
    if version >= 2 {
        if p.count(4)? != SET_FEATURES {
            return Err(ModelFileError::Invalid("set scorer of another size".into()));
        }
        let mut set_weights = [0f32; SET_FEATURES];
        for w in &mut set_weights {
            *w = p.f32()?;
        }
        selection.set_scorer = Some(SetScorer {
            weights: set_weights,
            unresolved_cost: p.f32()?,
        });
    }
    if !p.bytes.is_empty() {
        return Err(ModelFileError::Truncated);
    }
    let model = Model {
        base_score,
        trees,
        selection,
        lexicon: Lexicon::from_weights(weights),
    };
    model.validate().map_err(ModelFileError::Invalid)?;
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::learned::embedded_model;

    #[test]
    fn a_set_scorer_is_written_as_version_2_and_read_back() {
        let mut model = (*embedded_model().unwrap()).clone();
        model.selection.set_scorer = None;
        let v1 = to_bytes(&model);
        assert_eq!(v1[8..12], 1u32.to_le_bytes());
        assert_eq!(from_bytes(&v1).unwrap(), model);
        model.selection.set_scorer = Some(SetScorer {
            weights: std::array::from_fn(|i| i as f32 - 3.5),
            unresolved_cost: 4.0,
        });
        let v2 = to_bytes(&model);
        assert_eq!(v2[8..12], 2u32.to_le_bytes());
        assert_eq!(from_bytes(&v2).unwrap(), model);
        // The payload is the version 1 payload and the set scorer after it.
        assert_eq!(v2.len(), v1.len() + 4 * (SET_FEATURES + 2));
    }

    #[test]
    fn newer_versions_are_refused() {
        let mut bytes = to_bytes(&embedded_model().unwrap());
        bytes[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        assert_eq!(
            from_bytes(&bytes),
            Err(ModelFileError::UnsupportedVersion {
                found: FORMAT_VERSION + 1
            })
        );
    }
}
