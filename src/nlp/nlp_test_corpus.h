// A tiny treebank and NER set of our own invented sentences, for the tests
// of the tagger, the parser and the recogniser (they learn it by heart).
#pragma once

#include <string>

namespace storyline::nlp::testing {

// CoNLL-U: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC.
inline const std::string kTinyTreebank =
    "# sent_id = t1\n"
    "# text = The ferry left Solvik.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tferry\tferry\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tSolvik\tSolvik\tPROPN\tNNP\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t2\n"
    "# text = Mayor Anna Vey signed the harbour treaties.\n"
    "1\tMayor\tmayor\tNOUN\tNN\t_\t2\tcompound\t_\t_\n"
    "2\tAnna\tAnna\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
    "3\tVey\tVey\tPROPN\tNNP\t_\t2\tflat\t_\t_\n"
    "4\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
    "6\tharbour\tharbour\tNOUN\tNN\t_\t7\tcompound\t_\t_\n"
    "7\ttreaties\ttreaty\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t3\n"
    "# text = She did n't see the boats in Solvik.\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tsee\tsee\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\tboats\tboat\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
    "7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "8\tSolvik\tSolvik\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t4\n"
    "# text = The council of Varno met quickly.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcouncil\tcouncil\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
    "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\tVarno\tVarno\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
    "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "6\tquickly\tquickly\tADV\tRB\t_\t5\tadvmod\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n";

// IOB2: ID TOKEN TAG - ANNOTATOR.
inline const std::string kTinyEntities =
    "# sent_id = t2\n"
    "# text = Mayor Anna Vey signed the harbour treaties.\n"
    "1\tMayor\tO\t-\t-\n2\tAnna\tB-PER\t-\tx\n3\tVey\tI-PER\t-\tx\n4\tsigned\tO\t-\t-\n5\tthe\tO\t-\t-\n"
    "6\tharbour\tO\t-\t-\n7\ttreaties\tO\t-\t-\n8\t.\tO\t-\t-\n"
    "\n"
    "# sent_id = t3\n"
    "# text = She did n't see the boats in Solvik.\n"
    "1\tShe\tO\t-\t-\n2\tdid\tO\t-\t-\n3\tn't\tO\t-\t-\n4\tsee\tO\t-\t-\n5\tthe\tO\t-\t-\n6\tboats\tO\t-\t-\n"
    "7\tin\tO\t-\t-\n8\tSolvik\tB-LOC\t-\tx\n9\t.\tO\t-\t-\n"
    "\n"
    "# sent_id = t4\n"
    "# text = The council of Varno met quickly.\n"
    "1\tThe\tO\t-\t-\n2\tcouncil\tB-ORG\t-\tx\n3\tof\tI-ORG\t-\tx\n4\tVarno\tI-ORG\t-\tx\n5\tmet\tO\t-\t-\n"
    "6\tquickly\tO\t-\t-\n7\t.\tO\t-\t-\n"
    "\n";

}  // namespace storyline::nlp::testing
