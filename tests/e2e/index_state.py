"""What an index holds, for comparing two indexes (an incremental result
against a clean rebuild). No environment needed: the crash test imports it
outside CTest."""


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
