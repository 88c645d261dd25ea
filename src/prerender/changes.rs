//! The Chinese page as the changes that make it from the English one: its file sends only
//! what differs (the words, the attributes that hold words, the pictures' Chinese words),
//! 4.7 KB gzipped where the whole page was 8.3, and the script at the end of `index.html`
//! writes it from the English page that every reader has. Lengths count UTF-16 code units,
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
        let words = if gone_words.len().saturating_mul(new_words.len()) <= MAX_CELLS {
            common(&gone_words, &new_words)
        } else {
            vec![Edit::Gone(&gone), Edit::New(&new)]
        };
        for edit in words {
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

/// `from` with `steps` taken: what the script at the end of `index.html` does. `None` when
/// a step runs past the end of `from` or cuts a character in two.
pub fn patch(from: &str, steps: &[Step]) -> Option<String> {
    let from: Vec<u16> = from.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::with_capacity(from.len());
    let mut at = 0;
    for step in steps {
        match step {
            Step::Copy(len) => {
                out.extend_from_slice(from.get(at..at + len)?);
                at += len;
            }
            Step::Skip(len) => at += len,
            Step::Write(text) => out.extend(text.encode_utf16()),
        }
    }
    if at > from.len() {
        return None;
    }
    String::from_utf16(&out).ok()
}

/// The largest table of words that [`changes`] compares: two stretches that differ more
/// are sent whole (none does in the page as it is).
const MAX_CELLS: usize = 4_000_000;

#[derive(Debug, Clone, Copy)]
enum Edit<'a> {
    Same(&'a str),
    Gone(&'a str),
    New(&'a str),
}

/// The longest common run of tokens between `a` and `b`, and what differs around it: a
/// table of the longest common subsequence of every pair of suffixes.
fn common<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    let width = b.len() + 1;
    let mut longest = vec![0u32; (a.len() + 1) * width];
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
