//! Renderings of guides and walks for people and scripts: results (Markdown, JSON), the guide's
//! own test run, every path through a guide, and the whole guide as Markdown.

pub mod doc;
pub mod graph;
pub mod guide_markdown;
pub mod markdown;
pub mod outline;
pub mod paths;
pub mod result;
pub mod sessions;
pub mod testrun;
