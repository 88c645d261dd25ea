//! The Chinese page as the changes that make it from the English one: its file sends only
//! what differs (the words, the attributes that hold words, the pictures' Chinese words),
//! 4.7 KB gzipped where the whole page would be 8.3, and the script at the end of
//! `index.html` writes it from the English page that every reader has. Lengths count UTF-16 code units,
//! as JavaScript's `slice` does.

/// One step from the English page towards the Chinese one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The next this many code units of the English page, as they are.
    Copy(usize),
    /// The next this many code units of the English page, left out.
    Skip(usize),
    /// Text of the Chinese page's own.
    Write(String),
}

/// The steps that write `to` from `from`: first by tags and the text between them, then,
/// where those differ, by words and the marks between them (a tag whose `aria-label`
/// alone differs keeps its other attributes).
pub fn changes(from: &str, to: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let (from_tags, to_tags) = (tokens(from, tag_len), tokens(to, tag_len));
    let edits = common(&from_tags, &to_tags);
    let mut at = 0;
    while at < edits.len() {
        if let Edit::Same(token) = edits[at] {
            push(&mut steps, Step::Copy(units(token)));
            at += 1;
            continue;
        }
        let (mut gone, mut new) = (String::new(), String::new());
        while let Some(edit) = edits.get(at).filter(|edit| !matches!(edit, Edit::Same(_))) {
            match edit {
                Edit::Gone(token) => gone.push_str(token),
                Edit::New(token) => new.push_str(token),
                Edit::Same(_) => unreachable!("filtered out"),
            }
            at += 1;
        }
        let (gone_words, new_words) = (tokens(&gone, word_len), tokens(&new, word_len));
        for edit in common(&gone_words, &new_words) {
            push(
                &mut steps,
                match edit {
                    Edit::Same(token) => Step::Copy(units(token)),
                    Edit::Gone(token) => Step::Skip(units(token)),
                    Edit::New(token) => Step::Write(token.to_owned()),
                },
            );
        }
    }
    steps
}

/// `from` with `steps` taken: what the script at the end of `index.html` does. `None` unless
/// the steps go through the whole of `from` and no further, and what they write is text
/// (no half of a character on its own).
pub fn patch(from: &str, steps: &[Step]) -> Option<String> {
    let from: Vec<u16> = from.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::with_capacity(from.len());
    let mut at: usize = 0;
    for step in steps {
        match step {
            Step::Copy(len) => {
                let end = at.checked_add(*len)?;
                out.extend_from_slice(from.get(at..end)?);
                at = end;
            }
            Step::Skip(len) => at = at.checked_add(*len)?,
            Step::Write(text) => out.extend(text.encode_utf16()),
        }
    }
    if at != from.len() {
        return None;
    }
    String::from_utf16(&out).ok()
}

/// The largest table that [`common`] fills: two stretches that differ more (after their
/// common start and end) are sent whole. The page's largest is about 2 million, its tags.
const MAX_CELLS: usize = 16_000_000;

#[derive(Debug, Clone, Copy)]
enum Edit<'a> {
    Same(&'a str),
    Gone(&'a str),
    New(&'a str),
}

/// What `a` and `b` have in common, token by token, and what differs: their common start
/// and end, and between them the longest common subsequence, from a table of every pair of
/// suffixes (or, were that table larger than [`MAX_CELLS`], all of one and then the other).
fn common<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let same = |tokens: &[&'a str]| {
        tokens
            .iter()
            .map(|token| Edit::Same(token))
            .collect::<Vec<_>>()
    };
    let mut edits = same(&a[..start]);
    edits.extend(subsequence(
        &a[start..a.len() - end],
        &b[start..b.len() - end],
    ));
    edits.extend(same(&a[a.len() - end..]));
    edits
}

/// The edits between `a` and `b` from their longest common subsequence.
fn subsequence<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    let width = b.len() + 1;
    let cells = (a.len() + 1).checked_mul(width).filter(|&n| n <= MAX_CELLS);
    let Some(cells) = cells else {
        let mut edits: Vec<Edit<'a>> = a.iter().map(|token| Edit::Gone(token)).collect();
        edits.extend(b.iter().map(|token| Edit::New(token)));
        return edits;
    };
    let mut longest = vec![0u32; cells];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            longest[i * width + j] = if a[i] == b[j] {
                longest[(i + 1) * width + j + 1] + 1
            } else {
                longest[(i + 1) * width + j].max(longest[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut edits = Vec::with_capacity(a.len().max(b.len()));
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            edits.push(Edit::Same(a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len()
            && (i == a.len() || longest[i * width + j + 1] >= longest[(i + 1) * width + j])
        {
            edits.push(Edit::New(b[j]));
            j += 1;
        } else {
            edits.push(Edit::Gone(a[i]));
            i += 1;
        }
    }
    edits
}

/// `text` cut into tokens, each as long as `len` says of the text that starts it.
fn tokens(text: &str, len: fn(&str) -> usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (token, after) = rest.split_at(len(rest));
        out.push(token);
        rest = after;
    }
    out
}

/// A tag, to its `>` (or the end), or the text up to the next tag.
fn tag_len(text: &str) -> usize {
    match text.strip_prefix('<') {
        Some(tag) => tag.find('>').map_or(text.len(), |end| end + 2),
        None => text.find('<').unwrap_or(text.len()),
    }
}

/// A word (up to the next space or mark of markup), or one space or mark.
fn word_len(text: &str) -> usize {
    let mark = |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '=');
    match text.find(mark) {
        Some(0) => text.chars().next().map_or(0, char::len_utf8),
        Some(end) => end,
        None => text.len(),
    }
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// `step` added to `steps`, merged with the last one when they are of a kind.
fn push(steps: &mut Vec<Step>, step: Step) {
    match (steps.last_mut(), step) {
        (Some(Step::Copy(last)), Step::Copy(len)) | (Some(Step::Skip(last)), Step::Skip(len)) => {
            *last += len;
        }
        (Some(Step::Write(last)), Step::Write(text)) => last.push_str(&text),
        (_, Step::Copy(0) | Step::Skip(0)) => {}
        (_, step) => steps.push(step),
    }
}
