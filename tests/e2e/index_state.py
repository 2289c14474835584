"""What an index holds, for comparing two indexes (an incremental result
against a clean rebuild). No environment needed: the crash test imports it
outside CTest."""
import os


def database_dir(index):
    """The folder that holds an index's tables: the live generation
    INDEX/gen-N its stub INDEX/XAPIANDB names (docs/locks-and-damage.md, "Locks,
    permissions and damaged indexes"), or INDEX itself (the older layout)."""
    stub = os.path.join(index, "XAPIANDB")
    if os.path.isfile(stub):
        with open(stub, encoding="utf-8") as f:
            words = f.read().split()
        if len(words) == 2 and words[0] == "auto" and words[1].startswith("gen-"):
            return os.path.join(index, words[1])
    return index


def index_dump(xapian, index):
    """{id: (data, values, terms with wdf and positions)} plus collection stats of an index."""
    db = xapian.Database(index)
    docs = {}
    for t in db.allterms(b"Q"):
        for p in db.postlist(t.term):
            doc = db.get_document(p.docid)
            terms = tuple((x.term, x.wdf, tuple(db.positionlist(p.docid, x.term))) for x in doc.termlist())
            values = tuple((v.num, v.value) for v in doc.values())
            docs[t.term[1:].decode()] = (doc.get_data(), values, terms)
    return docs, {"doccount": db.get_doccount(), "avlength": db.get_avlength()}
