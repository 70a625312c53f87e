"""Kept blocks as Markdown: headings, list items (one per line), runs of code lines fenced,
paragraphs."""
from __future__ import annotations

from .blocks import NUMBERED, Block, Role
from .features import is_prose


def render_markdown(blocks: list[Block]) -> str:
    """Headings, list items (one per line), runs of code lines fenced, paragraphs."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        code = block.code and not is_prose(block)
        if code and previous is not None and previous.code and not is_prose(previous):
            parts[-1] = parts[-1][: -len("\n```")] + f"\n{block.text}\n```"
        elif code:
            parts.append(f"```\n{block.text}\n```")
        elif block.role is Role.HEADING:
            parts.append(f"{'#' * max(2, block.level)} {block.text}")
        elif block.role is Role.ITEM:
            item = block.text if NUMBERED.match(block.text) else f"- {block.text}"
            if previous is not None and previous.role is Role.ITEM and not parts[-1].startswith(
                ("#", "```")):
                parts[-1] += "\n" + item
            else:
                parts.append(item)
        else:
            parts.append(block.text)
        previous = block
    return "\n\n".join(parts)
