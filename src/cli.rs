//! The command line: clap definitions only. `main.rs` dispatches.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Choose how to organise as a worker cooperative, one question at a time.
#[derive(Debug, Parser)]
#[command(name = "coop-guide", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without one, a guide is played (`coop-guide --lang es` works as `play` does).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The options of `play`, for when no command is given.
    #[command(flatten)]
    pub play: PlayArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a guide (the full-screen player, or line by line with --plain).
    Play(PlayArgs),
    /// Run the guide with a room or a group: presenter view, hands, notes, autosave, resume.
    Facilitate(FacilitateArgs),
    /// Edit a guide: outline, diagnostics and a live preview that follow the file as you save.
    Edit {
        /// The guide file.
        guide: PathBuf,
        /// Preview the guide in this translation (GUIDE.L.ron beside it), following its saves.
        #[arg(long, value_name = "L")]
        lang: Option<String>,
        /// Colour theme.
        #[arg(long, value_name = "NAME")]
        theme: Option<String>,
    },
    /// Check guides for mistakes; exit 1 if any has an error.
    Check {
        /// Guide files (default: the built-in guide).
        guides: Vec<PathBuf>,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Run a guide's test cases and walk every path; exit 1 on a failure.
    Test {
        /// Guide files (default: the built-in guide).
        guides: Vec<PathBuf>,
    },
    /// List every path from the start to an outcome.
    Paths {
        /// Guide file (default: the built-in guide).
        guide: Option<PathBuf>,
        /// Table for people, JSON for scripts.
        #[arg(long, value_enum, default_value_t = PathsFormat::Table)]
        format: PathsFormat,
    },
    /// A hand-out of a workshop session, or a comparison of several.
    Report {
        /// Session files written by `facilitate`.
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        /// The guide the sessions walked (default: the built-in guide).
        #[arg(long, value_name = "GUIDE")]
        guide: Option<PathBuf>,
        /// Markdown for people, JSON for scripts; without it, a terminal shows the comparison
        /// on screen and anything else gets Markdown.
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
    },
    /// Draw the whole guide as a graph (unreachable and dead-end nodes marked).
    Graph {
        /// Guide file (default: the built-in guide).
        guide: Option<PathBuf>,
        /// Graphviz DOT or Mermaid.
        #[arg(long, value_enum, default_value_t = GraphFormatArg::Dot)]
        format: GraphFormatArg,
    },
    /// Write the whole guide as Markdown, for proofreading (a translation with --lang).
    Markdown {
        /// Guide file (default: the built-in guide).
        guide: Option<PathBuf>,
        /// Write it in this language, from the translation beside the guide (GUIDE.L.ron).
        #[arg(long, value_name = "L")]
        lang: Option<String>,
    },
    /// Translations: coverage per language, templates to translate, updates after the guide
    /// changed.
    #[command(subcommand)]
    I18n(I18nCommand),
    /// Write a commented starter guide that passes `check`.
    New {
        /// Where to write it (never overwritten).
        file: PathBuf,
    },
}

/// The `i18n` subcommands.
#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// Show how much of the guide each translation covers.
    Status {
        /// Guide file (default: the built-in guide).
        guide: Option<PathBuf>,
    },
    /// Print a translation file with every key of the guide (existing entries kept); to bring
    /// the translation file beside a guide up to date, use `update`.
    Template {
        /// Guide file (default: the built-in guide).
        guide: Option<PathBuf>,
        /// The language to translate into, such as `es`.
        #[arg(long)]
        lang: String,
    },
    /// Bring the translation beside a guide up to date, in place: every entry and comment kept,
    /// an entry added for each new text, stale entries marked with the old and the new text.
    Update {
        /// The guide file (its translation into L is GUIDE.L.ron beside it).
        guide: PathBuf,
        /// The language of the translation, such as `es`.
        #[arg(long)]
        lang: String,
    },
}

/// Options of `facilitate`.
#[derive(Debug, Clone, clap::Args)]
pub struct FacilitateArgs {
    /// Guide file (default: the built-in guide).
    pub guide: Option<PathBuf>,
    /// The session file: created if missing, resumed if it exists.
    #[arg(long, value_name = "FILE")]
    pub session: PathBuf,
    /// The group's name, for a new session.
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// Language of the guide's texts.
    #[arg(long)]
    pub lang: Option<String>,
    /// Colour theme.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// Show the facilitator notes; on a session another presenter has open, open the
    /// facilitator's own view of it (notes, timer, times; read-only).
    #[arg(long)]
    pub notes: bool,
    /// Let participants vote from their own terminal over SSH, listening on ADDR:PORT (such as
    /// 0.0.0.0:2222, or 127.0.0.1:0 for a port the system picks).
    #[arg(long, value_name = "ADDR:PORT")]
    pub serve: Option<std::net::SocketAddr>,
    /// The most participants in the room at once (default 200).
    #[arg(long, value_name = "N", requires = "serve", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_participants: Option<u32>,
    /// The room's SSH host key (default: made once, kept in your data folder).
    #[arg(long, value_name = "FILE", requires = "serve")]
    pub host_key: Option<PathBuf>,
    /// Record participants' names with their votes in the session file.
    #[arg(long, requires = "serve")]
    pub record_names: bool,
}

/// Options of `play`.
#[derive(Debug, Default, clap::Args)]
pub struct PlayArgs {
    /// Guide file (default: the built-in guide).
    pub guide: Option<PathBuf>,
    /// Language of the guide's texts.
    #[arg(long)]
    pub lang: Option<String>,
    /// Line-by-line mode: numbered answers, no drawing; also chosen when not in a terminal.
    #[arg(long)]
    pub plain: bool,
    /// Replay answers from a file (lines of `question-id: answer-id`).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Start at this question instead of the guide's start.
    #[arg(long, value_name = "ID")]
    pub from: Option<String>,
    /// Also write the result to standard output as Markdown or JSON (the walk goes to stderr).
    #[arg(long, value_enum)]
    pub output: Option<OutputFormat>,
    /// Colour theme of the full-screen player.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Messages with the lines of the guide they are about.
    Human,
    /// One line each: file:line:col: severity[code]: message.
    Short,
    /// A JSON array.
    Json,
}

/// Formats of `paths`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PathsFormat {
    /// A readable list.
    Table,
    /// JSON.
    Json,
}

/// Formats of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormatArg {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// Formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A Markdown hand-out or comparison.
    Md,
    /// JSON.
    Json,
}

/// Formats of `play --output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The result as a Markdown hand-out.
    Md,
    /// The result as JSON.
    Json,
}
