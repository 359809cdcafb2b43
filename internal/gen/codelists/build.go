package main

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
)

// constant is one generated constant.
type constant struct {
	Name, Code, Doc string
}

// genPred is a generated predicate method.
type genPred struct {
	Name, Doc string
	Names     []string // the constants it is true for, sorted by code
}

// genType is a spec resolved against the schematron files.
type genType struct {
	spec
	Consts []constant // sorted by code, byte order
	Diff   string     // sentence on how the other binding's list differs, or ""
	Preds  []genPred
}

// build extracts the lists of specs from files (keyed by listRef.File) and
// checks them. notes are remarks worth a maintainer's attention that are not
// errors (unusual identifier mappings).
func build(specs []spec, files map[string]*schematron) (types []genType, notes []string, err error) {
	idents := make(map[string]string) // identifier -> what declares it
	declare := func(ident, what string) error {
		if !token.IsIdentifier(ident) || !token.IsExported(ident) {
			return fmt.Errorf("%s: %q is not an exported Go identifier", what, ident)
		}
		if prev, dup := idents[ident]; dup {
			return fmt.Errorf("identifier %s is declared twice: %s and %s", ident, prev, what)
		}
		idents[ident] = what
		return nil
	}
	for _, s := range specs {
		t, n, err := buildType(s, files)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", s.Type, err)
		}
		notes = append(notes, n...)
		if err := declare(s.Type, "type "+s.Type); err != nil {
			return nil, nil, err
		}
		if err := declare(s.Type+"Values", "func "+s.Type+"Values"); err != nil {
			return nil, nil, err
		}
		for _, c := range t.Consts {
			if err := declare(c.Name, fmt.Sprintf("%s code %q", s.Type, c.Code)); err != nil {
				return nil, nil, err
			}
		}
		types = append(types, t)
	}
	return types, notes, nil
}

func (r listRef) String() string {
	return fmt.Sprintf("%s %s list #%d", r.File, r.Rule, r.Index+1)
}

func (r listRef) codes(files map[string]*schematron) ([]string, error) {
	f, ok := files[r.File]
	if !ok {
		return nil, fmt.Errorf("no %s schematron loaded", r.File)
	}
	return f.list(r.Rule, r.Index)
}

func buildType(s spec, files map[string]*schematron) (genType, []string, error) {
	t := genType{spec: s}
	var notes []string
	codes, err := s.List.codes(files)
	if err != nil {
		return t, nil, err
	}
	for _, rule := range s.Same {
		other, err := listRef{s.List.File, rule, 0}.codes(files)
		if err != nil {
			return t, nil, err
		}
		if add, miss := diff(codes, other); len(add) > 0 || len(miss) > 0 {
			return t, nil, fmt.Errorf("%s %s is expected to have the same list as %s, but it has %v more and %v fewer codes", s.List.File, rule, s.List.Rule, add, miss)
		}
	}

	if s.Named != nil {
		byCode := make(map[string]named, len(s.Named))
		for _, n := range s.Named {
			byCode[n.Code] = n
		}
		for _, c := range codes {
			n, ok := byCode[c]
			if !ok {
				return t, nil, fmt.Errorf("%s has the code %q, which the generator's names table lacks", s.List, c)
			}
			t.Consts = append(t.Consts, constant{Name: n.Name, Code: c, Doc: n.Doc})
		}
		for i, n := range s.Named {
			if !slices.Contains(codes, n.Code) {
				return t, nil, fmt.Errorf("the generator names the code %q (%s), which %s lacks", n.Code, n.Name, s.List)
			}
			if slices.ContainsFunc(s.Named[:i], func(m named) bool { return m.Code == n.Code }) {
				return t, nil, fmt.Errorf("the generator's names table has the code %q twice", n.Code)
			}
		}
	} else {
		for _, c := range codes {
			part, unusual := identPart(c)
			name := s.Prefix + part
			if unusual {
				notes = append(notes, fmt.Sprintf("%s: code %q has characters other than letters, digits and '-'; its constant is %s", s.Type, c, name))
			}
			t.Consts = append(t.Consts, constant{Name: name, Code: c})
		}
	}
	slices.SortFunc(t.Consts, func(a, b constant) int { return strings.Compare(a.Code, b.Code) })
	nameOf := make(map[string]string, len(t.Consts))
	for _, c := range t.Consts {
		nameOf[c.Code] = c.Name
	}

	if len(s.Compare) > 0 {
		var other []string
		for _, r := range s.Compare {
			o, err := r.codes(files)
			if err != nil {
				return t, nil, err
			}
			other = append(other, o...)
		}
		add, miss := diff(other, codes)
		t.Diff = diffSentence(s.Compare[0], add, miss)
	}

	for _, p := range s.Preds {
		pcodes, err := p.List.codes(files)
		if err != nil {
			return t, nil, err
		}
		g := genPred{Name: p.Name, Doc: p.Doc}
		slices.Sort(pcodes)
		for _, c := range pcodes {
			name, ok := nameOf[c]
			if !ok {
				return t, nil, fmt.Errorf("%s: %s has the code %q, which is not in %s", p.Name, p.List, c, s.List)
			}
			g.Names = append(g.Names, name)
		}
		if p.Also != nil {
			also, err := p.Also.codes(files)
			if err != nil {
				return t, nil, err
			}
			var both []string
			for _, c := range pcodes {
				if slices.Contains(also, c) {
					both = append(both, c)
				}
			}
			if len(both) > 0 {
				g.Doc += fmt.Sprintf(" It is true for %s, which the %s schematron accepts %s.", joinCodes(both), p.Also.File, p.AlsoDoc)
			}
		}
		t.Preds = append(t.Preds, g)
	}
	return t, notes, nil
}

// identPart maps a code to the part of an identifier that follows the
// prefix: ASCII letters and digits stay, '-' becomes '_', and so does any
// other character, which is reported as unusual.
func identPart(code string) (part string, unusual bool) {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case c == '-':
			b.WriteByte('_')
		default:
			b.WriteByte('_')
			unusual = true
		}
	}
	return b.String(), unusual
}

// diff returns the codes of a not in b and of b not in a, sorted.
func diff(a, b []string) (onlyA, onlyB []string) {
	in := func(s []string) map[string]bool {
		m := make(map[string]bool, len(s))
		for _, c := range s {
			m[c] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	for c := range ma {
		if !mb[c] {
			onlyA = append(onlyA, c)
		}
	}
	for c := range mb {
		if !ma[c] {
			onlyB = append(onlyB, c)
		}
	}
	slices.Sort(onlyA)
	slices.Sort(onlyB)
	return onlyA, onlyB
}

// diffSentence states how the list of the other binding differs.
func diffSentence(r listRef, add, miss []string) string {
	var parts []string
	if len(add) > 0 {
		parts = append(parts, "also accepts "+joinCodes(add))
	}
	if len(miss) > 0 {
		parts = append(parts, "does not accept "+joinCodes(miss))
	}
	if parts == nil {
		return ""
	}
	return fmt.Sprintf("The %s schematron's %s differs: it %s.", r.File, r.Rule, strings.Join(parts, " and "))
}

func joinCodes(codes []string) string {
	switch len(codes) {
	case 1:
		return codes[0]
	case 2:
		return codes[0] + " and " + codes[1]
	}
	return strings.Join(codes[:len(codes)-1], ", ") + " and " + codes[len(codes)-1]
}
