//! Markdown of an article: its paragraphs with the structure they had in the page.

use super::BlockKind;

/// Renders an article as Markdown: `title` as a top heading (when not empty), then
/// `paragraphs` as `kinds` say (all plain when the lengths differ).
pub(crate) fn render(title: &str, paragraphs: &[String], kinds: &[BlockKind]) -> String {
    let mut out = String::new();
    if !title.is_empty() {
        out.push_str("# ");
        out.push_str(&escape_line(title));
        out.push_str("\n\n");
    }
    let plain = BlockKind::Paragraph;
    let kind_at = |i: usize| {
        if kinds.len() == paragraphs.len() {
            &kinds[i]
        } else {
            &plain
        }
    };
    let mut i = 0;
    while i < paragraphs.len() {
        let kind = kind_at(i);
        // Runs of list items, quote lines, code lines and table rows make one block.
        let mut end = i + 1;
        while end < paragraphs.len()
            && std::mem::discriminant(kind_at(end)) == std::mem::discriminant(kind)
            && !matches!(kind, BlockKind::Paragraph | BlockKind::Heading(_))
        {
            end += 1;
        }
        let run = &paragraphs[i..end];
        match kind {
            BlockKind::Paragraph => out.push_str(&escape_line(&run[0])),
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(usize::from((*level).clamp(1, 6))));
                out.push(' ');
                out.push_str(&escape_line(&run[0]));
            }
            BlockKind::ListItem | BlockKind::Quote => {
                let marker = if kind == &BlockKind::ListItem {
                    "- "
                } else {
                    "> "
                };
                let lines: Vec<String> = run
                    .iter()
                    .map(|p| format!("{marker}{}", escape_line(p)))
                    .collect();
                out.push_str(&lines.join("\n"));
            }
            BlockKind::Code => {
                let fence = if run.iter().any(|p| p.contains("```")) {
                    "~~~~"
                } else {
                    "```"
                };
                out.push_str(fence);
                out.push('\n');
                out.push_str(&run.join("\n"));
                out.push('\n');
                out.push_str(fence);
            }
            BlockKind::TableRow(_) => table(&mut out, (i..end).map(kind_at)),
        }
        out.push_str("\n\n");
        i = end;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// A run of table rows; the first is the header, rows are padded to the widest.
fn table<'a>(out: &mut String, rows: impl Iterator<Item = &'a BlockKind>) {
    let rows: Vec<&Vec<String>> = rows
        .filter_map(|k| match k {
            BlockKind::TableRow(cells) => Some(cells),
            _ => None,
        })
        .collect();
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<String> = (0..width)
            .map(|c| row.get(c).map_or(String::new(), |t| t.replace('|', "\\|")))
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if n == 0 {
            out.push_str(&format!("|{}\n", "---|".repeat(width)));
        }
    }
    out.pop();
}

/// Escapes what would start Markdown syntax at the beginning of a line of text.
fn escape_line(text: &str) -> String {
    let starts_syntax = text.starts_with(['#', '>', '-', '+', '*', '=', '`', '|', '~'])
        || text.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if starts_syntax {
        format!("\\{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_becomes_markdown() {
        let paragraphs: Vec<String> = vec![
            "It rained.".into(),
            "Forecast".into(),
            "Sunday".into(),
            "Monday".into(),
            "Nobody saw it coming.".into(),
            "let x = 1;".into(),
            "day | mm".into(),
            "Sun 3".into(),
            "# not a heading".into(),
            "1. not a list".into(),
        ];
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Quote,
            BlockKind::Code,
            BlockKind::TableRow(vec!["day".into(), "mm|x".into()]),
            BlockKind::TableRow(vec!["Sun".into(), "3".into()]),
            BlockKind::Paragraph,
            BlockKind::Paragraph,
        ];
        assert_eq!(
            render("Rain", &paragraphs, &kinds),
            "# Rain\n\nIt rained.\n\n## Forecast\n\n- Sunday\n- Monday\n\n> Nobody saw it coming.\n\n\
             ```\nlet x = 1;\n```\n\n| day | mm\\|x |\n|---|---|\n| Sun | 3 |\n\n\\# not a heading\n\n\
             \\1. not a list\n"
        );
    }

    #[test]
    fn paragraphs_without_kinds_are_plain() {
        let paragraphs = ["One.".to_string(), "Two.".to_string()];
        assert_eq!(render("", &paragraphs, &[]), "One.\n\nTwo.\n");
    }
}
