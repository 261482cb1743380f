"""Tests of the protocol's metrics and slice rule (no data files needed).

Run: .venv-extract/bin/python -m unittest discover -s scripts/extract -p 'test_*.py'
"""
import unittest

import protocol


class WordF1(unittest.TestCase):
    def test_bags_of_lowercase_word_tokens(self):
        self.assertEqual(protocol.word_f1("The cat, the hat.", "the CAT the hat"), 1.0)
        # ref {a, b, c, d}, hyp {a, b, x}: P = 2/3, R = 2/4, F1 = 4/7
        self.assertAlmostEqual(protocol.word_f1("a b c d", "a b x"), 4 / 7)

    def test_counts_are_clipped(self):
        # ref {a}, hyp {a, a}: P = 1/2, R = 1
        self.assertAlmostEqual(protocol.word_f1("a", "a a"), 2 / 3)

    def test_empty_reference_scores_one_only_for_empty_output(self):
        self.assertEqual(protocol.word_f1("", ""), 1.0)
        self.assertEqual(protocol.word_f1("", " ... "), 1.0)
        self.assertEqual(protocol.word_f1("", "menu"), 0.0)
        self.assertEqual(protocol.word_f1("body text", ""), 0.0)

    def test_unicode_words(self):
        self.assertEqual(protocol.word_f1("Größe über", "größe ÜBER"), 1.0)


class Snippets(unittest.TestCase):
    def test_with_and_without(self):
        gt = {"with": ["a  b", "c d"], "without": ["menu"]}
        self.assertEqual(protocol.snippets(gt, "x a b\nc d y"), (2, 2, 1, 1, True))
        self.assertEqual(protocol.snippets(gt, "a b menu"), (1, 2, 0, 1, False))


class Metadata(unittest.TestCase):
    def test_dates_become_year_month_day(self):
        self.assertEqual(protocol.norm_date("2025-06-05 14:46:12+02:00"), "2025-06-05")
        self.assertEqual(protocol.norm_date("2025-06-05T23:59:00Z"), "2025-06-05")
        self.assertEqual(protocol.norm_date("June 5, 2025"), "2025-06-05")
        self.assertEqual(protocol.norm_date(""), "")
        self.assertEqual(protocol.norm_date("no date here at all"), "")

    def test_titles_ignore_case_space_quotes_and_edge_punctuation(self):
        self.assertEqual(protocol.norm_text("  It\u2019s  Here! "), protocol.norm_text("it's here"))
        self.assertNotEqual(protocol.norm_text("It's here"), protocol.norm_text("It is here"))

    def test_author_sets(self):
        self.assertEqual(protocol.author_set("By Ann Lee and Bo Chen"), {"ann lee", "bo chen"})
        self.assertEqual(protocol.author_set(["Ann Lee", "ann  lee"]), {"ann lee"})
        self.assertEqual(protocol.set_f1({"a", "b"}, {"a"}), 2 / 3)
        self.assertEqual(protocol.set_f1(set(), set()), 1.0)


class FrozenSlice(unittest.TestCase):
    def test_committed_list_follows_the_rule(self):
        lines = protocol.FROZEN_LIST.read_text().splitlines()
        self.assertEqual(lines[0], "set\tid\tkey")
        rows = [line.split("\t") for line in lines[1:]]
        self.assertEqual({r[0] for r in rows}, {"wcxb", "fundus"})
        for set_name, page_id, key in rows:
            self.assertEqual(protocol.hash5(key), 0, (set_name, page_id, key))
        self.assertEqual(len({(r[0], r[1]) for r in rows}), len(rows))

    def test_fold_hash_is_salted(self):
        keys = [f"site{i}.example" for i in range(200)]
        same = sum(protocol.hash5(k) == protocol.hash5(k, "fold:") for k in keys)
        self.assertLess(same, 80)


class PageTypes(unittest.TestCase):
    def test_fold_pages_by_label_with_failures_as_none(self):
        def page(label, detected, readerable=False, fold=0, set_name="wcxb"):
            lede = {"page_type": detected, "readerable": readerable} if detected else {}
            return {"set": set_name, "fold": fold, "gt": {"page_type": label}, "lede": lede}
        pages = [page("forum", "forum", True), page("forum", "article"), page("forum", None),
                 page("forum", "forum", fold=None), page("forum", "forum", set_name="fundus"),
                 page("article", "article", True)]
        rows = protocol.page_type_table(pages)
        self.assertEqual(rows["forum"], {"forum": 1, "article": 1, "none": 1, "readerable": 1})
        self.assertEqual(rows["article"], {"article": 1, "readerable": 1})


if __name__ == "__main__":
    unittest.main()
