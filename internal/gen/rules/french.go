package main

import (
	"regexp"
	"slices"
	"strings"
)

// The texts of the French CIUS schematron (FNFE-MPE, Flux 2) start with a
// header that names the rule and its terms, in several spellings:
//
//	BR-FR-01/BT-1 : L'identifiant ...
//	[BR-FR-28] : La valeur ...
//	BR-FR-15/BT-95 ou BT-102 : Code ...
//	[BR-FR-01/EXT-FR-FE-136 : L'identifiant ...   (UBL, no closing bracket)
//	[BR-FR-MV-02/EXT-FR-FE-163] :,Lorsque ...     (UBL)
//	[BR-FR-MV-11/BT-128]-ID Seller : ...          (UBL)
//	invoiceID : BR-FR-BD-02/BT-30 : Lorsque ...   (UBL, a <value-of> after the label)
//
// frHeaderRE matches it; its group 1 is the header without brackets.
var frHeaderRE = regexp.MustCompile(`^(?:\w+ : )?\[?(BR-FR-[A-Z0-9/_-]+(?: ou [A-Z0-9/_-]+)*)\]?\s*[:-]\s*,?\s*`)

// frValueOfRE matches a <value-of/> written as text (&lt;value-of .../&gt;),
// as in eight BR-FR-DEC-01 asserts of the CII file: a slip (the judge
// prints it as is) for the <value-of> element the other asserts have.
var frValueOfRE = regexp.MustCompile(`<value-of\b[^<>]*/>`)

// frSplit splits the text of a French assert into its header
// ("BR-FR-15/BT-95 ou BT-102") and its message, the rest, without the
// <value-of/> written as text, like the <value-of> elements (parseFile);
// ok is false when the text has no header.
func frSplit(text string) (header, msg string, ok bool) {
	if frValueOfRE.MatchString(text) {
		text = strings.Join(strings.Fields(frValueOfRE.ReplaceAllString(text, "")), " ")
	}
	m := frHeaderRE.FindStringSubmatch(text)
	if m == nil {
		return "", text, false
	}
	return m[1], text[len(m[0]):], true
}

// frTermRE matches a term id of the French CIUS: a business term or group
// of EN 16931 (BT-29, BG-32), of Factur-X (BT-X-12), or of the French
// extension (EXT-FR-FE-06, the group EXT-FR-FE-BG-12); group 2 is a
// trailing "-1", which may be a sub-term (BT-29-1, the scheme of BT-29) or
// an ordinal of the id (BR-FR-CO-09_BT-23-1, -2, -3).
var frTermRE = regexp.MustCompile(`\b(EXT-FR-FE-(?:BG-)?\d+|B[TG]-(?:X-)?\d+)(-\d+)?\b`)

// frTerms returns the terms of a French rule: those its id names, in
// order, once each. A trailing "-N" on a term of the id is kept only when
// the text's header names the term so (BR-FR-CO-14_BT-29-1, header
// "BR-FR-CO-14/BT-29-1": BT-29-1); otherwise it numbers the asserts of one
// rule (BR-FR-CO-09_BT-23-1, header "BR-FR-CO-09/BT-23": BT-23). An id that
// names no term (BR-FR-29_AFL, BR-FR-32-LEGALID) takes the terms its
// message names.
func frTerms(id, header, msg string) []string {
	var terms []string
	add := func(t string) {
		if !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	inHeader := frTermsIn(header)
	// "_" is a word character, which \b would not split on.
	for _, m := range frTermRE.FindAllStringSubmatch(strings.ReplaceAll(id, "_", " "), -1) {
		if m[2] != "" && slices.Contains(inHeader, m[0]) {
			add(m[0])
		} else {
			add(m[1])
		}
	}
	if len(terms) == 0 {
		return frTermsIn(msg)
	}
	return terms
}

// frTermsIn returns the term ids s names, sub-terms included, in order,
// once each.
func frTermsIn(s string) []string {
	var terms []string
	for _, t := range frTermRE.FindAllString(s, -1) {
		if !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	return terms
}

// frRuleRE matches the rule part of a French id or header: BR-FR-01,
// BR-FR-CO-09, BR-FR-DEC-01, BR-FR-MV-14, BR-FR-MV-BD.
var frRuleRE = regexp.MustCompile(`^BR-FR-(?:[A-Z]+-)?(?:\d+|BD)`)

// frHeaderAgrees reports whether the header of a text names the rule and
// the terms its id names.
func frHeaderAgrees(id, header string) bool {
	rule := frRuleRE.FindString(id)
	return rule != "" && rule == frRuleRE.FindString(header) && slices.Equal(frTerms(id, header, ""), frTermsIn(header))
}
