package main

import (
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// origin is the schematron family a source belongs to.
type origin int

const (
	cii   origin = iota // CEN EN 16931, CII binding
	ubl                 // CEN EN 16931, UBL binding
	fx                  // Factur-X
	frCII               // French CIUS (FNFE-MPE Flux 2), CII
	frUBL               // French CIUS (FNFE-MPE Flux 2), UBL
)

func (o origin) String() string {
	return [...]string{"CII", "UBL", "Factur-X", "French CII", "French UBL"}[o]
}

// french reports whether o is a file of the French CIUS.
func (o origin) french() bool { return o == frCII || o == frUBL }

// source is one schematron file to read.
type source struct {
	origin  origin
	rel     string // path relative to the conformance directory
	binding string // for an abstract CEN file, its concrete binding (params)
	profile int    // for Factur-X, the index in profiles
}

// profiles are the Factur-X profiles, in the order of the fx* constants of
// package validate, with the directory of each under facturx/.
var profiles = []struct{ name, dir string }{
	{"fxMinimum", "minimum"},
	{"fxBasicWL", "basicwl"},
	{"fxBasic", "basic"},
	{"fxEN16931", "en16931"},
	{"fxExtended", "extended"},
}

// sources are the files read, in the order of precedence.
func sources(dir string) ([]source, error) {
	srcs := []source{
		{origin: cii, rel: "cii/schematron/sch/abstract/EN16931-CII-model.sch", binding: "cii/schematron/sch/CII/EN16931-CII-model.sch"},
		{origin: cii, rel: "cii/schematron/sch/abstract/EN16931-CII-syntax.sch", binding: "cii/schematron/sch/CII/EN16931-CII-syntax.sch"},
		{origin: cii, rel: "cii/schematron/sch/codelist/EN16931-CII-codes.sch"},
		{origin: ubl, rel: "ubl/schematron/sch/abstract/EN16931-model.sch", binding: "ubl/schematron/sch/UBL/EN16931-UBL-model.sch"},
		{origin: ubl, rel: "ubl/schematron/sch/abstract/EN16931-syntax.sch", binding: "ubl/schematron/sch/UBL/EN16931-UBL-syntax.sch"},
		{origin: ubl, rel: "ubl/schematron/sch/codelist/EN16931-UBL-codes.sch"},
	}
	for i, p := range profiles {
		rel, err := globOne(dir, "facturx/"+p.dir+"/schematron/sch/FACTUR-X_*.sch")
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, source{origin: fx, rel: rel, profile: i})
	}
	srcs = append(srcs, source{origin: frCII, rel: "fr/cii/sch/BR-FR-Flux2-Schematron-CII.sch"})
	rel, err := globOne(dir, "fr/ubl/sch/*.sch")
	if err != nil {
		return nil, err
	}
	srcs = append(srcs, source{origin: frUBL, rel: rel})
	return srcs, nil
}

// globOne returns the one file, relative to dir, that the slash-separated
// pattern, relative to dir, matches.
func globOne(dir, pattern string) (string, error) {
	m, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
	if err != nil {
		return "", err
	}
	if len(m) != 1 {
		return "", fmt.Errorf("want one file %s in %s, found %d", pattern, dir, len(m))
	}
	rel, err := filepath.Rel(dir, m[0])
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// useUBL lists the ids whose CII text names a wrong business term and
// whose UBL text is taken instead, with the reason, for the comment.
var useUBL = map[string]string{
	"BR-50": "CII calls Credit transfer BG-16",
	"BR-51": "CII calls the card account number BT-97",
}

// rule is the generated metadata of one id.
type rule struct {
	ID       string
	Fatal    bool
	Terms    []string
	Message  string
	Profiles []int    // indexes in profiles, ascending
	Notes    []string // remarks for the generated line's comment

	origin   origin // the source that described it
	in       uint8  // the origins whose files have it, one bit each
	fromUBL  bool   // the text is the UBL one (useUBL)
	ublFlag  bool   // the UBL files flag the CII rule otherwise: ublFatal
	ublFatal bool
	fx       bool // a Factur-X profile has it: fxFatal, fxText are set
	fxFatal  bool
	fxText   string
}

// load reads the sources in dir and returns the rules, sorted by id.
func load(dir string) ([]*rule, []string, error) {
	srcs, err := sources(dir)
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	byID := make(map[string]*rule)
	for _, s := range srcs {
		f, err := readFile(filepath.Join(dir, s.rel), s.rel)
		if err != nil {
			return nil, notes, err
		}
		if len(f.asserts) == 0 {
			return nil, notes, fmt.Errorf("%s: no schematron asserts found", s.rel)
		}
		if s.binding != "" {
			b, err := readFile(filepath.Join(dir, s.binding), s.binding)
			if err != nil {
				return nil, notes, err
			}
			n, err := checkBinding(f, b)
			notes = append(notes, n...)
			if err != nil {
				return nil, notes, err
			}
		}
		n, err := merge(byID, f, s)
		notes = append(notes, n...)
		if err != nil {
			return nil, notes, err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(useUBL)) {
		if r := byID[id]; r == nil || !r.fromUBL {
			return nil, notes, fmt.Errorf("useUBL names %s, which the CII and UBL files do not both have", id)
		}
	}
	rules := make([]*rule, 0, len(byID))
	for _, r := range byID {
		rules = append(rules, r)
	}
	slices.SortFunc(rules, func(a, b *rule) int { return strings.Compare(a.ID, b.ID) })
	notes = append(notes, oneSided(rules, frCII, frUBL)...)
	return rules, notes, nil
}

// has reports whether a file of origin o has the rule.
func (r *rule) has(o origin) bool { return r.in&(1<<o) != 0 }

// oneSided returns a note listing the ids (of rules, sorted) of origin a
// that b lacks, and one for those of b that a lacks.
func oneSided(rules []*rule, a, b origin) []string {
	var notes []string
	for _, p := range [][2]origin{{a, b}, {b, a}} {
		var ids []string
		for _, r := range rules {
			if r.has(p[0]) && !r.has(p[1]) {
				ids = append(ids, r.ID)
			}
		}
		if len(ids) > 0 {
			notes = append(notes, fmt.Sprintf("%d ids of the %s file are not in the %s file: %s", len(ids), p[0], p[1], strings.Join(ids, " ")))
		}
	}
	return notes
}

// checkBinding checks that every parameter an assert of the abstract file
// f tests ($NAME) is declared by the binding b; the binding's parameters
// that neither an assert nor a rule context of f uses are noted.
func checkBinding(f, b *file) (notes []string, err error) {
	declared := make(map[string]bool, len(b.params))
	for _, p := range b.params {
		declared[strings.TrimSpace(p)] = true
	}
	used := make(map[string]bool)
	for _, c := range f.contexts {
		used[strings.TrimPrefix(strings.TrimSpace(c), "$")] = true
	}
	for _, a := range f.asserts {
		test := strings.TrimSpace(a.Test)
		if !strings.HasPrefix(test, "$") {
			continue
		}
		p := test[1:]
		used[p] = true
		if !declared[p] {
			return nil, fmt.Errorf("%s: assert %s tests $%s, which %s does not declare", f.name, a.ID, p, b.name)
		}
	}
	for _, p := range b.params {
		if p = strings.TrimSpace(p); !used[p] {
			notes = append(notes, fmt.Sprintf("%s declares $%s, which %s does not use", b.name, p, f.name))
		}
	}
	return notes, nil
}

// merge adds the asserts of f, from source s, to byID.
func merge(byID map[string]*rule, f *file, s source) (notes []string, err error) {
	// The first assert of each id in f.
	type first struct {
		fatal bool
		terms []string
		msg   string
	}
	seen := make(map[string]first, len(f.asserts))
	for _, a := range f.asserts {
		fatal, err := severity(a.Flag, s.origin)
		if err != nil {
			return notes, fmt.Errorf("%s: assert %s: %w", f.name, a.ID, err)
		}
		var msg string
		var terms []string
		if s.origin.french() {
			header, m, ok := frSplit(a.Text)
			if !ok {
				return notes, fmt.Errorf("%s: assert %s: no \"BR-FR-xx/BT-yy :\" header in %q", f.name, a.ID, abbrev(a.Text))
			}
			if m == "" {
				return notes, fmt.Errorf("%s: assert %s has no text after its header", f.name, a.ID)
			}
			if !frHeaderAgrees(a.ID, header) {
				notes = append(notes, fmt.Sprintf("%s: assert %s has the message header [%s]", f.name, a.ID, header))
			}
			msg, terms = m, frTerms(a.ID, header, m)
		} else {
			var prefix string
			msg, prefix = message(a.Text)
			if prefix != "" && prefix != a.ID {
				notes = append(notes, fmt.Sprintf("%s: assert %s has the message prefix [%s]", f.name, a.ID, prefix))
			}
			terms = termsOf(msg)
		}
		if p, dup := seen[a.ID]; dup {
			if !s.origin.french() {
				return notes, fmt.Errorf("%s: assert id %s occurs more than once", f.name, a.ID)
			}
			// The French files may give one id to asserts of two
			// rules: the first is kept, and the line says how the
			// other differs.
			notes = append(notes, fmt.Sprintf("%s: assert id %s occurs more than once; the first is kept", f.name, a.ID))
			r, label := byID[a.ID], s.origin.String()+" second assert"
			switch {
			case !slices.Equal(terms, p.terms):
				r.Notes = append(r.Notes, fmt.Sprintf("%s terms %s", label, strings.Join(orNone(terms), " ")))
			case !sameWords(msg, p.msg):
				r.Notes = append(r.Notes, label+" text differs")
			}
			if fatal != p.fatal {
				r.Notes = append(r.Notes, fmt.Sprintf("%s flag %s", label, flagWord(fatal)))
			}
			continue
		}
		seen[a.ID] = first{fatal, terms, msg}
		r := byID[a.ID]
		if r == nil {
			r = &rule{ID: a.ID, Fatal: fatal, Terms: terms, Message: msg, origin: s.origin}
			byID[a.ID] = r
		} else if r.origin.french() != s.origin.french() {
			return notes, fmt.Errorf("%s: assert id %s is also in the %s files", f.name, a.ID, r.origin)
		} else if r.origin == s.origin && s.origin != fx {
			return notes, fmt.Errorf("%s: assert id %s is also in another %s file", f.name, a.ID, s.origin)
		} else if r.origin != s.origin && !(r.origin == fx || s.origin == fx && r.fx) {
			// A CEN rule seen again, in the UBL files or in a
			// first Factur-X profile, or a French rule of the
			// CII file in the UBL one: note how they differ (not
			// the French texts, which name the syntax elements).
			switch {
			case s.origin == ubl && useUBL[a.ID] != "":
				if msg == r.Message {
					return notes, fmt.Errorf("useUBL names %s, whose CII and UBL texts no longer differ", a.ID)
				}
				r.Terms, r.Message, r.fromUBL = terms, msg, true
				r.Notes = append(r.Notes, "UBL text taken: "+useUBL[a.ID])
			case !slices.Equal(terms, r.Terms):
				r.Notes = append(r.Notes, fmt.Sprintf("%s terms %s", s.origin, strings.Join(orNone(terms), " ")))
			case s.origin == ubl && !sameWords(msg, r.Message):
				r.Notes = append(r.Notes, "UBL text differs")
			}
			if fatal != r.Fatal {
				r.Notes = append(r.Notes, fmt.Sprintf("%s flag %s", s.origin, flagWord(fatal)))
				if s.origin == ubl || s.origin == frUBL {
					r.ublFlag, r.ublFatal = true, fatal
				}
			}
		}
		r.in |= 1 << s.origin
		if s.origin == fx {
			if r.fx && (fatal != r.fxFatal || a.Text != r.fxText) {
				return notes, fmt.Errorf("%s: assert %s differs from the one of profile %s", f.name, a.ID, profiles[r.Profiles[0]].dir)
			}
			r.fx, r.fxFatal, r.fxText = true, fatal, a.Text
			r.Profiles = append(r.Profiles, s.profile)
		}
	}
	return notes, nil
}

// sameWords reports whether a and b have the same letters and digits, case
// folded: whether they differ in more than case, spacing and punctuation.
func sameWords(a, b string) bool {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	return key(a) == key(b)
}

func orNone(terms []string) []string {
	if len(terms) == 0 {
		return []string{"none"}
	}
	return terms
}

func flagWord(fatal bool) string {
	if fatal {
		return "fatal"
	}
	return "warning"
}

// severity maps a flag to fatal (true) or warning (false).
func severity(flag string, o origin) (fatal bool, err error) {
	switch flag {
	case "fatal":
		return true, nil
	case "warning":
		return false, nil
	}
	if o == fx {
		switch flag {
		case "", "error":
			return true, nil
		case "information":
			return false, nil
		}
	}
	return false, fmt.Errorf("unknown flag %q", flag)
}

// prefixRE matches the "[BR-CO-15]-" prefix of a message, in its variants
// "[ID] - ", "[ID]- ", "[ID] -".
var prefixRE = regexp.MustCompile(`^\[([^\]\s]+)\]\s*-?\s*`)

// message returns the text without its "[ID]-" prefix, and the id of the
// prefix ("" when there is none).
func message(text string) (msg, prefix string) {
	m := prefixRE.FindStringSubmatch(text)
	if m == nil {
		return text, ""
	}
	return text[len(m[0]):], m[1]
}

// termRE matches a business term or group id: BT-112, BG-23, the Factur-X
// extension terms BT-X-12 and BG-X-42 (also written BT-x-272), and the
// sub-terms BT-110-0, BT-X-12-0.
var termRE = regexp.MustCompile(`\bB[TG]-(?:[Xx]-)?\d+(?:-\d+)?\b`)

// termsOf returns the term ids msg names, in order, once each.
func termsOf(msg string) []string {
	var terms []string
	for _, t := range termRE.FindAllString(msg, -1) {
		t = strings.Replace(t, "-x-", "-X-", 1)
		if !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	return terms
}
