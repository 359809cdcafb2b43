package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// rootContext is the start of every absolute rule context.
const rootContext = "/rsm:CrossIndustryInvoice/"

var versionRE = regexp.MustCompile(`Factur-X release metadata\s+Version:\s*(\S+)`)

// loadUnused reads a Factur-X schematron and returns what it marks as not
// used, as paths relative to rsm:CrossIndustryInvoice: the context of each
// rule with a report whose test is "true()", and the context followed by
// the attribute for a report whose test is "@name". It also returns the
// Factur-X version of its release metadata comment, or "".
func loadUnused(name string) (unused []path, version string, err error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, "", err
	}
	return parseUnused(data)
}

func parseUnused(data []byte) (unused []path, version string, err error) {
	var doc struct {
		XMLName xml.Name `xml:"http://purl.oclc.org/dsdl/schematron schema"`
		NS      []struct {
			Prefix string `xml:"prefix,attr"`
			URI    string `xml:"uri,attr"`
		} `xml:"http://purl.oclc.org/dsdl/schematron ns"`
		Patterns []struct {
			Rules []struct {
				Context string `xml:"context,attr"`
				Reports []struct {
					Test string `xml:"test,attr"`
				} `xml:"http://purl.oclc.org/dsdl/schematron report"`
			} `xml:"http://purl.oclc.org/dsdl/schematron rule"`
		} `xml:"http://purl.oclc.org/dsdl/schematron pattern"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, "", err
	}
	for _, ns := range doc.NS {
		if want, ok := prefixes[ns.Prefix]; ok && want != ns.URI {
			return nil, "", fmt.Errorf("prefix %s is %s, not %s", ns.Prefix, ns.URI, want)
		}
	}
	if m := versionRE.FindSubmatch(data); m != nil {
		version = string(m[1])
	}
	for _, pat := range doc.Patterns {
		for _, r := range pat.Rules {
			for _, rep := range r.Reports {
				test := strings.TrimSpace(rep.Test)
				rel, ok := strings.CutPrefix(r.Context, rootContext)
				if !ok {
					return nil, "", fmt.Errorf("report %q in rule %q: the context is not an absolute path", test, r.Context)
				}
				p, err := parsePath(rel)
				if err != nil {
					return nil, "", fmt.Errorf("rule %q: %w", r.Context, err)
				}
				switch {
				case test == "true()":
				case strings.HasPrefix(test, "@") && isNCName(test[1:]):
					p = append(p, step{name: test})
				default:
					return nil, "", fmt.Errorf("rule %q: unsupported report test %q", r.Context, test)
				}
				unused = append(unused, p)
			}
		}
	}
	if len(unused) == 0 {
		return nil, "", fmt.Errorf("no not-used report at all: not a Factur-X profile schematron?")
	}
	return unused, version, nil
}
