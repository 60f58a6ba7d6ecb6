"""Find quotations in article text and attribute them to their speakers.

Pure functions from text to data: no database, no disk (the lexicons are
package data read once). The stages live in their own modules: clean,
marks, sentences, cues, attribute (with sources, bounds, quoted_frames and
records), indirect, reported, mentions, tidy; pipeline runs them.
"""

from quotebook.extract.mentions import Mention, find_mentions, split_role
from quotebook.extract.pipeline import extract_quotes

__all__ = ["extract_quotes", "find_mentions", "split_role", "Mention"]
