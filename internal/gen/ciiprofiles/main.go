// Command ciiprofiles generates cii/profile_terms_gen.go: for each EN 16931
// business term and group, and each EXTENDED term the model holds beyond
// EN 16931 (EXT-FR-FE, BT-X), the Factur-X profiles that can carry it.
//
// Usage, from the cii directory (go generate runs it so):
//
//	go run ../internal/gen/ciiprofiles [-dir CONFORMANCE] [-table PATH] [-o PATH]
//
// The terms and their CII paths come from the termPaths table of
// profile_terms.go, read as Go source (string literals, string constants of
// the same file and + only). The judges are the official Factur-X 1.09
// artefacts in the conformance directory ($EINVOICE_CONFORMANCE_DIR, or else
// ../shared/conformance relative to the module root), one directory per
// profile:
//
//	facturx/<profile>/xsd/*.xsd                the profile's XSD set
//	facturx/<profile>/schematron/sch/*.sch     the profile's schematron
//
// A profile can carry a term when:
//
//   - its XSD declares the term's primary path (the first of the
//     alternatives " | "): from the global element rsm:CrossIndustryInvoice
//     down, each step a child element of the previous one's complex type
//     (sequences and choices, in whatever file the type is), an attribute
//     as last step, and every path a predicate names existing too (the
//     child a predicate tests, the relative path it compares with); and
//   - its schematron does not mark an element or an attribute of the path
//     as not used: a rule whose report is "true()" (the context element is
//     not used) or "@name" (the attribute is not used). The Factur-X
//     schematrons write a not-used rule for each element that a type
//     shared between several places (TradePartyType, TradeTaxType,
//     ReferencedDocumentType) declares but the profile does not use in that
//     place: MINIMUM's buyer has no postal address, BASIC WL's tax
//     representative no identifier. A rule context matches a path when each
//     of its steps matches the path's step: same name and, when it has a
//     predicate, the same predicate, or for a predicate not(A) and not(B)
//     ... (the variants the profile does not know) a predicate that is none
//     of A, B, ....
//
// The generator fails, and writes nothing, when a table path cannot be
// parsed, when a file is missing, when BT-24 is not allowed in every
// profile, or when MINIMUM or BASIC WL could carry a line (BG-25 or
// anything in it). It notes on standard error where an alternative path
// disagrees with the primary one and which terms the XSD declares but the
// schematron marks not used.
package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"os"
	"path/filepath"
	"strings"
)

// profiles are the Factur-X profiles, in the order and with the names of
// package cii's Profile constants, and the directory of each under facturx/.
var profiles = []struct{ name, dir string }{
	{"Minimum", "minimum"},
	{"BasicWL", "basicwl"},
	{"Basic", "basic"},
	{"EN16931", "en16931"},
	{"Extended", "extended"},
}

func main() {
	dir := flag.String("dir", conformanceDir(), "the conformance directory")
	table := flag.String("table", "profile_terms.go", "the Go file holding termPaths")
	out := flag.String("o", "profile_terms_gen.go", "the Go file to write")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: ciiprofiles [-dir CONFORMANCE] [-table PATH] [-o PATH]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	res, err := generate(*table, *dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ciiprofiles:", err)
		os.Exit(1)
	}
	for _, n := range res.notes {
		fmt.Fprintln(os.Stderr, "ciiprofiles: note:", n)
	}
	if err := os.WriteFile(*out, res.src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "ciiprofiles:", err)
		os.Exit(1)
	}
}

// result is what generate produces.
type result struct {
	src     []byte      // the formatted Go file
	terms   []term      // the table, in its order
	allowed [][]bool    // allowed[i][j]: profile i can carry terms[j]
	notes   []string    // remarks for a maintainer
	version string      // the Factur-X version the schematrons name, or ""
	judges  []*profileJ // the loaded judges, by profile
}

// profileJ is one profile's judges.
type profileJ struct {
	name   string
	schema *schemaSet
	unused []path // the schematron's not-used contexts
}

// generate reads the table and the judges and returns the generated file.
func generate(tablePath, confDir string) (*result, error) {
	terms, err := readTable(tablePath)
	if err != nil {
		return nil, err
	}
	res := &result{terms: terms}
	for _, p := range profiles {
		base := filepath.Join(confDir, "facturx", p.dir)
		xsds, err := filepath.Glob(filepath.Join(base, "xsd", "*.xsd"))
		if err != nil {
			return nil, err
		}
		if len(xsds) == 0 {
			return nil, fmt.Errorf("%s: no XSD in %s", p.dir, filepath.Join(base, "xsd"))
		}
		schema, err := loadSchemas(xsds)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.dir, err)
		}
		schs, err := filepath.Glob(filepath.Join(base, "schematron", "sch", "*.sch"))
		if err != nil {
			return nil, err
		}
		if len(schs) != 1 {
			return nil, fmt.Errorf("%s: want one schematron in %s, found %d", p.dir, filepath.Join(base, "schematron", "sch"), len(schs))
		}
		unused, version, err := loadUnused(schs[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.dir, err)
		}
		if version != res.version && res.version != "" {
			return nil, fmt.Errorf("%s: schematron of Factur-X %s, another of %s", p.dir, version, res.version)
		}
		res.version = version
		res.judges = append(res.judges, &profileJ{name: p.name, schema: schema, unused: unused})
	}
	for _, j := range res.judges {
		row := make([]bool, len(terms))
		for k, t := range terms {
			ok, note, err := j.allows(t)
			if err != nil {
				return nil, err
			}
			row[k] = ok
			if note != "" {
				res.notes = append(res.notes, note)
			}
		}
		res.allowed = append(res.allowed, row)
	}
	if err := res.check(); err != nil {
		return nil, err
	}
	res.src, err = render(res)
	return res, err
}

// allows reports whether the profile can carry t, with a note when its
// alternatives disagree or the schematron overrules the XSD.
func (j *profileJ) allows(t term) (ok bool, note string, err error) {
	var got []bool
	for i, p := range t.paths {
		declared, err := j.schema.has(p)
		if err != nil {
			return false, "", fmt.Errorf("%s: %s: %w", t.id, t.alts[i], err)
		}
		unused := j.unusedBy(p)
		if i == 0 && declared && unused != "" {
			note = fmt.Sprintf("%s %s: declared by the XSD, marked not used by the schematron (%s)", j.name, t.id, unused)
		}
		got = append(got, declared && unused == "")
	}
	for i := 1; i < len(got); i++ {
		if got[i] != got[0] {
			note = strings.TrimPrefix(note+"; ", "; ") + fmt.Sprintf("%s %s: alternative %s is %s, the primary path %s", j.name, t.id, t.alts[i], verdict(got[i]), verdict(got[0]))
		}
	}
	return got[0], note, nil
}

// unusedBy returns the not-used context that matches p, or "".
func (j *profileJ) unusedBy(p path) string {
	for _, u := range j.unused {
		if u.prefixOf(p) {
			return u.String()
		}
	}
	return ""
}

func verdict(ok bool) string {
	if ok {
		return "allowed"
	}
	return "not allowed"
}

// check applies the generator's sanity rules.
func (res *result) check() error {
	var errs []error
	lineTerms := map[string]bool{}
	for k, t := range res.terms {
		if t.id == "BG-25" {
			for _, u := range res.terms {
				if u.paths[0].hasPrefix(t.paths[0]) {
					lineTerms[u.id] = true
				}
			}
			for i, p := range profiles {
				if (p.name == "Minimum" || p.name == "BasicWL") && res.allowed[i][k] {
					errs = append(errs, fmt.Errorf("%s allows BG-25", p.name))
				}
			}
		}
		if t.id == "BT-24" {
			for i, p := range profiles {
				if !res.allowed[i][k] {
					errs = append(errs, fmt.Errorf("%s does not allow BT-24, which every profile must carry", p.name))
				}
			}
		}
	}
	if len(lineTerms) < 2 {
		errs = append(errs, errors.New("the table has no line terms under BG-25"))
	}
	for k, t := range res.terms {
		if !lineTerms[t.id] {
			continue
		}
		for i, p := range profiles {
			if (p.name == "Minimum" || p.name == "BasicWL") && res.allowed[i][k] {
				errs = append(errs, fmt.Errorf("%s allows the line term %s", p.name, t.id))
			}
		}
	}
	return errors.Join(errs...)
}

// conformanceDir is $EINVOICE_CONFORMANCE_DIR, or else ../shared/conformance
// beside the module, as the tests find it.
func conformanceDir() string { return conformance.Dir() }
