//! Finding the programs that sources spawn (see the parent module for what is recognised).

use super::{Operand, DYNAMIC, HELPERS, WRAPPERS};
use std::path::{Path, PathBuf};

/// One place where a source spawns a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spawn {
    pub file: PathBuf,
    pub line: usize,
    pub what: Found,
}

/// What the scanner found at a [`Spawn`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A program name (the file name of a path: `/usr/sbin/mosquitto` is `mosquitto`).
    Program(String),
    /// `Command::new(expr)` with an argument that is not a literal and not in `DYNAMIC`.
    Unknown(String),
}

/// The folders of the workspace that hold code which spawns programs.
pub const DIRS: &[&str] = &[
    "crates",
    "tests",
    "xtask",
    "boards",
    "footprint",
    "tools",
    ".ci",
    ".cargo",
];

/// Every spawn in the workspace at `root` (the folders of [`DIRS`] that exist).
pub fn scan(root: &Path) -> Vec<Spawn> {
    let mut files = Vec::new();
    for dir in DIRS {
        walk(&root.join(dir), &mut files);
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue; // not UTF-8: not a source file
        };
        out.extend(scan_text(&file, &text));
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "corpus" | "artifacts" | ".git") {
                walk(&path, files);
            }
        } else if kind(&path).is_some() {
            files.push(path);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rust,
    Shell,
    CargoConfig,
}

fn kind(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?;
    if name.ends_with(".rs") {
        return Some(Kind::Rust);
    }
    if name.ends_with(".sh") {
        return Some(Kind::Shell);
    }
    if name == "config.toml" && path.parent()?.file_name()? == ".cargo" {
        return Some(Kind::CargoConfig);
    }
    if !name.contains('.') {
        let head = std::fs::read(path).ok()?;
        let first = head.split(|&b| b == b'\n').next()?;
        if first.starts_with(b"#!") && first.ends_with(b"sh") {
            return Some(Kind::Shell);
        }
    }
    None
}

/// The spawns in one file's text (the kind is taken from `file`'s name, or its first line).
pub fn scan_text(file: &Path, text: &str) -> Vec<Spawn> {
    let kind = match kind(file) {
        Some(k) => k,
        None if text.starts_with("#!") => Kind::Shell,
        None => return Vec::new(),
    };
    let found = match kind {
        Kind::Rust => rust(text),
        Kind::Shell => shell(text, 1),
        Kind::CargoConfig => cargo_config(text),
    };
    found
        .into_iter()
        .map(|(line, what)| Spawn {
            file: file.to_path_buf(),
            line,
            what,
        })
        .collect()
}

fn program(name: &str) -> Found {
    Found::Program(name.rsplit('/').next().unwrap_or(name).to_owned())
}

// ---- Rust ----

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
}

/// Identifiers, string literals (contents, escapes of quotes and backslashes resolved) and
/// punctuation with their line numbers; comments, char literals, lifetimes and numbers are
/// dropped.
fn lex(src: &str) -> Vec<(usize, Tok)> {
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
            }
        } else if ch == '"' {
            let start = line;
            let mut s = String::new();
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' && i + 1 < c.len() {
                    i += 1;
                }
                line += usize::from(c[i] == '\n');
                s.push(c[i]);
                i += 1;
            }
            i += 1;
            out.push((start, Tok::Str(s)));
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\''), or a lifetime ('a), which is skipped.
            if at(i + 1) == '\\' {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let s0 = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[s0..i].iter().collect();
            let hashes = c[i..].iter().take_while(|&&h| h == '#').count();
            if matches!(word.as_str(), "r" | "br" | "cr") && at(i + hashes) == '"' {
                // A raw string: r#"…"# with as many hashes at the end.
                let start = line;
                i += hashes + 1;
                let s1 = i;
                let closes = |j: usize| c[j] == '"' && (1..=hashes).all(|h| at(j + h) == '#');
                while i < c.len() && !closes(i) {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
                out.push((start, Tok::Str(c[s1..i].iter().collect())));
                i += hashes + 1;
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                // b"…" / c"…": the next round reads the string.
            } else if word == "b" && at(i) == '\'' {
                i = skip_char_literal(&c, i);
            } else {
                out.push((line, Tok::Ident(word)));
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
        } else {
            out.push((line, Tok::Punct(ch)));
            i += 1;
        }
    }
    out
}

fn skip_char_literal(c: &[char], mut i: usize) -> usize {
    i += 1;
    while i < c.len() && c[i] != '\'' {
        i += if c[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

fn render(toks: &[(usize, Tok)]) -> String {
    let mut s = String::new();
    for (_, t) in toks {
        match t {
            Tok::Ident(w) => {
                if s.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    s.push(' ');
                }
                s.push_str(w);
            }
            Tok::Str(v) => s.push_str(&format!("{v:?}")),
            Tok::Punct(p) => s.push(*p),
        }
    }
    s
}

/// The tokens of a parenthesised group starting at `open` (which must be `(`), without the
/// parentheses, and the index after the closing one.
fn group(t: &[(usize, Tok)], open: usize) -> (&[(usize, Tok)], usize) {
    let mut depth = 0usize;
    for (k, (_, tok)) in t.iter().enumerate().skip(open) {
        match tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return (&t[open + 1..k], k + 1);
                }
            }
            _ => {}
        }
    }
    (&t[open + 1..], t.len())
}

/// The arguments from `from` to the end of the statement (a `;` or `,` at the same nesting,
/// or the end of the enclosing group), in order: a string literal as `Some`, any other
/// argument expression as `None` (macro calls such as `format!` are looked into).
fn statement_args(t: &[(usize, Tok)], from: usize) -> Vec<Option<&str>> {
    let (mut depth, mut out) = (0i32, Vec::new());
    for k in from..t.len() {
        match &t[k].1 {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth < 0 {
                    break;
                }
            }
            Tok::Punct(';' | ',') if depth == 0 => break,
            Tok::Str(s) => out.push(Some(s.as_str())),
            Tok::Ident(_) => {
                let starts_arg = matches!(t[k - 1].1, Tok::Punct('(' | '[' | ',' | '&'));
                let is_macro = matches!(t.get(k + 1), Some((_, Tok::Punct('!'))));
                if starts_arg && !is_macro {
                    out.push(None);
                }
            }
            _ => {}
        }
    }
    out
}

fn rust(src: &str) -> Vec<(usize, Found)> {
    let t = lex(src);
    let tok = |k: usize| t.get(k).map(|(_, x)| x);
    let is = |k: usize, want: &Tok| tok(k) == Some(want);
    let ident = |k: usize, w: &str| matches!(tok(k), Some(Tok::Ident(x)) if x == w);
    let mut out = Vec::new();
    for k in 0..t.len() {
        let line = t[k].0;
        if ident(k, "Command")
            && is(k + 1, &Tok::Punct(':'))
            && is(k + 2, &Tok::Punct(':'))
            && ident(k + 3, "new")
            && is(k + 4, &Tok::Punct('('))
        {
            let (arg, after) = group(&t, k + 4);
            let names: Vec<String> = match arg {
                [(_, Tok::Str(s))] | [(_, Tok::Str(s)), (_, Tok::Punct(','))] => vec![s.clone()],
                _ => {
                    let expr = render(arg);
                    match DYNAMIC.iter().find(|(e, _)| *e == expr) {
                        Some((_, names)) => names.iter().map(|n| n.to_string()).collect(),
                        None => {
                            out.push((line, Found::Unknown(expr)));
                            continue;
                        }
                    }
                }
            };
            for name in names {
                let wrapped = wrapped(&name, &statement_args(&t, after));
                out.push((line, program(&name)));
                out.extend(wrapped.into_iter().map(|w| (line, w)));
            }
        } else if let Some(Tok::Ident(name)) = tok(k) {
            if HELPERS.contains(&name.as_str()) && is(k + 1, &Tok::Punct('(')) {
                if let Some(Tok::Str(s)) = tok(k + 2) {
                    out.push((line, program(s)));
                }
            }
        }
    }
    out
}

/// The programs a wrapper runs, from the arguments of its statement.
fn wrapped(wrapper: &str, args: &[Option<&str>]) -> Vec<Found> {
    let Some((_, how)) = WRAPPERS.iter().find(|(w, _)| *w == wrapper) else {
        return Vec::new();
    };
    let after = |flag: &str| {
        let i = args.iter().position(|a| *a == Some(flag))?;
        args.get(i + 1).copied().flatten()
    };
    let operand = match how {
        Operand::FirstNonOption => args
            .iter()
            .find(|a| !a.is_some_and(|s| s.starts_with('-')))
            .copied()
            .flatten(),
        Operand::AfterDashDash => after("--"),
        Operand::ShellScript => {
            let script = after("-c").unwrap_or("");
            return shell(script, 0).into_iter().map(|(_, f)| f).collect();
        }
    };
    operand.map(program).into_iter().collect()
}

// ---- shell ----

/// Words that start a command but are not programs.
const SHELL_WORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
    "in", "function", "set", "cd", "export", "local", "return", "exit", "shift", "trap", "wait",
    "read", "true", "false", "echo", "printf", "test", "[", "[[", "]]", "{", "}", "!", ".",
    "source", "eval", "exec", "time", "unset",
];

/// The first word of every command in a script (line numbers from `first_line`).
fn shell(script: &str, first_line: usize) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    for (n, raw) in script.lines().enumerate() {
        if n == 0 && raw.starts_with("#!") {
            continue;
        }
        let line = raw.replace(['"', '\''], " ");
        let code = match line.find(" #") {
            Some(i) => &line[..i],
            None if line.trim_start().starts_with('#') => "",
            None => &line,
        };
        let seps = [";", "&&", "||", "|", "$(", "`", "(", ")", "&"];
        let mut parts = vec![code.to_owned()];
        for sep in seps {
            parts = parts
                .iter()
                .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
                .collect();
        }
        for part in parts {
            let mut words = part.split_whitespace().filter(|w| !w.contains('='));
            let first = words.find(|w| {
                !matches!(
                    *w,
                    "exec" | "time" | "command" | "then" | "do" | "else" | "!"
                )
            });
            if let Some(w) = first {
                let name = w.rsplit('/').next().unwrap_or(w);
                let plausible = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.+".contains(c));
                if plausible && !SHELL_WORDS.contains(&name) {
                    out.push((first_line + n, program(name)));
                }
            }
        }
    }
    out
}

// ---- .cargo/config.toml ----

fn cargo_config(text: &str) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("runner") {
            let value = rest.trim_start().trim_start_matches('=').trim();
            let value = value.trim_start_matches(['"', '[', '\'']);
            if let Some(w) = value
                .split(|c: char| c.is_whitespace() || c == '"' || c == '\'')
                .next()
            {
                if !w.is_empty() {
                    out.push((n + 1, program(w)));
                }
            }
        }
    }
    out
}
