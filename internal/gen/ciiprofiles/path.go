package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A path is a restricted XPath location path: child steps, ".." and an
// attribute as last step, each step with optional predicates.
type path []step

// step is one step of a path.
type step struct {
	name  string   // "ram:Name", "@schemeID" or ".."
	preds []string // the predicates, without their brackets, as written
}

// parsePath parses a relative path.
func parsePath(s string) (path, error) {
	parts, err := split(s, '/')
	if err != nil {
		return nil, err
	}
	var p path
	for i, part := range parts {
		st, err := parseStep(part)
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", s, err)
		}
		if strings.HasPrefix(st.name, "@") && i != len(parts)-1 {
			return nil, fmt.Errorf("path %q: attribute %s is not the last step", s, st.name)
		}
		p = append(p, st)
	}
	return p, nil
}

// parseStep parses one step: a name and its predicates.
func parseStep(s string) (step, error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		i = len(s)
	}
	st := step{name: s[:i]}
	if !validName(st.name) {
		return step{}, fmt.Errorf("bad step %q", s)
	}
	rest := s[i:]
	for rest != "" {
		end, err := closing(rest)
		if err != nil || rest[0] != '[' {
			return step{}, fmt.Errorf("bad predicate in step %q", s)
		}
		st.preds = append(st.preds, strings.TrimSpace(rest[1:end]))
		rest = rest[end+1:]
	}
	return st, nil
}

// validName reports whether s is "..", "@name" or "prefix:name".
func validName(s string) bool {
	if s == ".." {
		return true
	}
	if a, ok := strings.CutPrefix(s, "@"); ok {
		return isNCName(a)
	}
	prefix, local, ok := strings.Cut(s, ":")
	return ok && isNCName(prefix) && isNCName(local)
}

func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// closing returns the index of the bracket or parenthesis closing the one
// s starts with.
func closing(s string) (int, error) {
	depth := 0
	var quote rune
	for i, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
			if depth == 0 {
				return i, nil
			}
		}
	}
	return 0, errors.New("unbalanced brackets")
}

// split splits s at sep where sep is outside brackets, parentheses and
// quotes.
func split(s string, sep rune) ([]string, error) {
	var parts []string
	depth, start := 0, 0
	var quote rune
	for i, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	if depth != 0 || quote != 0 {
		return nil, fmt.Errorf("unbalanced brackets or quotes in %q", s)
	}
	return append(parts, s[start:]), nil
}

// String returns the path as written, predicates normalized.
func (p path) String() string {
	var b strings.Builder
	for i, st := range p {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(st.name)
		for _, pr := range st.preds {
			b.WriteString("[" + normPred(pr) + "]")
		}
	}
	return b.String()
}

// hasPrefix reports whether q is p's first steps, predicates included.
func (p path) hasPrefix(q path) bool {
	if len(q) > len(p) {
		return false
	}
	for i := range q {
		if q[i].name != p[i].name || !slices.Equal(normPreds(q[i].preds), normPreds(p[i].preds)) {
			return false
		}
	}
	return true
}

// prefixOf reports whether p, a schematron context, matches the first steps
// of q: each step of p has the name of q's step and, for each of its
// predicates, either q's step has the same predicate, or p's predicate is
// not(A) and not(B) ... and q's step has one predicate that is none of A,
// B, ....
func (p path) prefixOf(q path) bool {
	if len(p) > len(q) {
		return false
	}
	for i, ps := range p {
		qs := q[i]
		if ps.name != qs.name {
			return false
		}
		for _, pp := range ps.preds {
			if neg, ok := negations(pp); ok {
				if len(qs.preds) != 1 || slices.Contains(neg, normPred(qs.preds[0])) {
					return false
				}
				continue
			}
			if !slices.Contains(normPreds(qs.preds), normPred(pp)) {
				return false
			}
		}
	}
	return true
}

// normPred normalizes a predicate for comparison: no white space outside
// literals, literals in single quotes.
func normPred(s string) string {
	var b strings.Builder
	var quote rune
	for _, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
				c = '\''
			}
			b.WriteRune(c)
		case c == '\'' || c == '"':
			quote = c
			b.WriteByte('\'')
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func normPreds(ps []string) []string {
	var out []string
	for _, p := range ps {
		out = append(out, normPred(p))
	}
	return out
}

// negations returns A, B, ... normalized for a predicate of the form
// not(A) and not(B) ..., and false for any other predicate.
func negations(s string) ([]string, bool) {
	var out []string
	for _, conj := range splitAnd(s) {
		conj = strings.TrimSpace(conj)
		rest, ok := strings.CutPrefix(conj, "not")
		rest = strings.TrimSpace(rest)
		if !ok || !strings.HasPrefix(rest, "(") {
			return nil, false
		}
		end, err := closing(rest)
		if err != nil || end != len(rest)-1 {
			return nil, false
		}
		out = append(out, normPred(rest[1:end]))
	}
	return out, len(out) > 0
}

// splitAnd splits s at the operator "and" outside brackets, parentheses
// and quotes.
func splitAnd(s string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case depth == 0 && isSpace(c) && strings.HasPrefix(s[i+1:], "and") && i+4 < len(s) && isSpace(s[i+4]):
			parts = append(parts, s[start:i])
			start = i + 4
			i += 3
		}
	}
	return append(parts, s[start:])
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
