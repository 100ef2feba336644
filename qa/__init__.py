"""Question → short answer with citations (or abstention), from the graph, the tables and the passages."""

from .answer import answer
from .evaluate import EvalReport, evaluate_answers, format_report, is_correct, normalise
from .kb import KnowledgeBase
from .model import Answer, AnswerOptions, Citation, TripleRef

__all__ = [
    "Answer",
    "AnswerOptions",
    "Citation",
    "EvalReport",
    "KnowledgeBase",
    "TripleRef",
    "answer",
    "evaluate_answers",
    "format_report",
    "is_correct",
    "normalise",
]
