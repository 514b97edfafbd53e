"""Crash hooks for tests that run Dateline as a program of its own: a text holding "qqparsecrashqq" ends the process
in the parse (as a segfault in a parser would: no exception, no cleanup), one holding "qqcomponentcrashqq" aborts it
in a document component. Prepend `CRASH_HOOKS` to the program's source."""

CRASH_HOOKS = """
import json, os, sys
import dateline.nlp, dateline.pipeline
real = dateline.nlp.annotate
def annotate(docs, *a, **k):
    docs = list(docs)
    if any("qqparsecrashqq" in d.text for d in docs):
        os._exit(1)
    return real(docs, *a, **k)
dateline.nlp.annotate = annotate
real_published = dateline.pipeline.COMPONENTS["published"]
def published(doc):
    if "qqcomponentcrashqq" in doc.text:
        os.abort()
    return real_published(doc)
dateline.pipeline.COMPONENTS["published"] = published
"""
