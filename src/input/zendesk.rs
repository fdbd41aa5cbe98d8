//! Zendesk Support tickets with their comments.
//!
//! Accepted shapes, as the Zendesk API returns them:
//!
//! * `{"ticket": {...}, "comments": [...]}` (a ticket and its
//!   `/comments` page saved together; `comments` may also sit inside the
//!   ticket);
//! * `{"tickets": [{..., "comments": [...]}, ...]}` or a bare array of such
//!   tickets (one conversation per ticket, in file order);
//! * `{"comments": [...]}` alone (a `/tickets/{id}/comments` page): the id
//!   is the file's default id (use `--meta-from-path '{id}.json'`), and the
//!   requester is the author of the first comment, which in Zendesk is the
//!   ticket's description written by the requester.
//!
//! Per comment: `author_id`, `body` (plain text; else `plain_body`, else
//! `html_body` converted to text), `public`, `created_at`.
//!
//! * Speaker: a comment with `public: false` is an internal note (system);
//!   the requester's (`requester_id`) comments are the customer; every other
//!   author is an agent, whose `author_id` is the turn's agent id.
//! * Time: `created_at` relative to the ticket's `created_at` (else the
//!   first comment), which is also the start time.
//! * Id: the ticket's `id`. Channel: the ticket's `via.channel` (`email`,
//!   `web` (a web form: email), `chat`, `voice`, `whatsapp`, ...), else
//!   email. Customer: `requester_id`. Topic: none in a ticket that would be
//!   a contact reason for every account (subjects are free text, tags
//!   mix automation with reasons): use `--meta`.

use super::document::{Context, offset_from};
use super::html;
use super::json::Node;
use super::time::parse_timestamp_ms;
use crate::error::Result;
use crate::model::{ReadItem, Speaker};

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    if root.value.is_array() {
        let mut items = Vec::new();
        for (i, ticket) in root.items()?.iter().enumerate() {
            items.push(read_ticket(ctx, Some(ticket), None, i as u64 + 1)?);
        }
        return Ok(items);
    }
    if let Some(tickets) = root.get("tickets")? {
        let mut items = Vec::new();
        for (i, ticket) in tickets.items()?.iter().enumerate() {
            items.push(read_ticket(ctx, Some(ticket), None, i as u64 + 1)?);
        }
        return Ok(items);
    }
    let ticket = root.get("ticket")?;
    let comments = root.get("comments")?;
    if ticket.is_none() && comments.is_none() {
        return Err(
            root.error("expected `ticket`, `tickets` or `comments` (a Zendesk API response)")
        );
    }
    Ok(vec![read_ticket(
        ctx,
        ticket.as_ref(),
        comments.as_ref(),
        1,
    )?])
}

fn timestamp(node: &Node<'_>) -> Result<i64> {
    parse_timestamp_ms(node.str()?)
        .ok_or_else(|| node.error("expected a date-time such as 2024-05-01T09:30:00Z"))
}

fn read_ticket(
    ctx: &mut Context<'_>,
    ticket: Option<&Node<'_>>,
    comments: Option<&Node<'_>>,
    line: u64,
) -> Result<ReadItem> {
    let id = match ticket {
        Some(ticket) => ticket.req("id")?.id()?,
        None => ctx.default_id.clone(),
    };
    let mut builder = ctx.builder(&id, line);
    let comments = match (comments, ticket) {
        (Some(comments), _) => Some(comments.clone()),
        (None, Some(ticket)) => ticket.get("comments")?,
        (None, None) => None,
    };
    let comments = match &comments {
        Some(comments) => comments.items()?,
        None => Vec::new(),
    };
    let mut requester = None;
    let mut base = None;
    let mut channel = None;
    if let Some(ticket) = ticket {
        requester = ticket.opt_id("requester_id")?;
        if let Some(created) = ticket.get("created_at")? {
            base = Some(timestamp(&created)?);
        }
        channel = ticket
            .get_path(&["via", "channel"])?
            .map(|c| c.str().map(str::to_string))
            .transpose()?;
    }
    if requester.is_none()
        && let Some(first) = comments.first()
    {
        requester = Some(first.req("author_id")?.id()?);
    }
    let channel = match channel.as_deref() {
        None | Some("web" | "web_form" | "api" | "mail") => "email".to_string(),
        Some(other) => other.to_string(),
    };
    builder.channel(&channel);
    if let Some(requester) = &requester {
        builder.customer_id(requester);
    }
    for (index, comment) in comments.iter().enumerate() {
        let author = comment.req("author_id")?.id()?;
        let public = match comment.get("public")? {
            Some(public) => public.bool()?,
            None => true,
        };
        let text = if let Some(body) = comment.opt_str("body")? {
            body.to_string()
        } else if let Some(body) = comment.opt_str("plain_body")? {
            body.to_string()
        } else if let Some(body) = comment.opt_str("html_body")? {
            html::to_text(body)
        } else {
            return Err(comment.error("missing field `body` (or `plain_body`, `html_body`)"));
        };
        let speaker = if !public {
            Speaker::System
        } else if requester.as_deref() == Some(author.as_str()) {
            Speaker::Customer
        } else {
            builder.agent(&author);
            Speaker::Agent
        };
        let offset = match comment.get("created_at")? {
            None => None,
            Some(created) => {
                let at = timestamp(&created)?;
                let base = *base.get_or_insert(at);
                Some(offset_from(base, at))
            }
        };
        builder.push_turn(speaker, &text, offset, index as u64 + 1);
    }
    if let Some(base) = base {
        builder.started_at_ms(base);
    }
    Ok(ctx.finish(builder))
}
