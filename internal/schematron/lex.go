package schematron

import (
	"fmt"
	"strings"
)

type tokKind uint8

const (
	tEOF    tokKind = iota
	tName           // a QName, prefix:*, or a keyword (and, or, div...)
	tStar           // *
	tAt             // @
	tSlash          // /
	tSlash2         // //
	tLParen         // (
	tRParen         // )
	tLBrack         // [
	tRBrack         // ]
	tComma          // ,
	tPipe           // |
	tOp             // = != < <= > >= + -
	tDot            // .
	tDot2           // ..
	tAxis           // ::
	tVar            // $name
	tStr            // 'literal' or "literal"
	tNum            // 12, 1.5
)

type token struct {
	k   tokKind
	s   string
	pos int
}

// lex splits an XPath expression into tokens.
func lex(src string) ([]token, error) {
	var out []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '\'' || c == '"':
			j := i + 1
			var b strings.Builder
			for {
				k := strings.IndexByte(src[j:], c)
				if k < 0 {
					return nil, fmt.Errorf("unterminated literal at %d", i)
				}
				b.WriteString(src[j : j+k])
				j += k + 1
				if j < len(src) && src[j] == c { // doubled quote
					b.WriteByte(c)
					j++
					continue
				}
				break
			}
			out = append(out, token{tStr, b.String(), i})
			i = j
			continue
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			out = append(out, token{tNum, src[i:j], i})
			i = j
			continue
		case isNameStart(c):
			j := i
			for j < len(src) && isNameChar(src[j]) {
				j++
			}
			// prefix:local or prefix:*, but not axis::
			if j+1 < len(src) && src[j] == ':' && src[j+1] != ':' {
				if src[j+1] == '*' {
					j += 2
				} else if isNameStart(src[j+1]) {
					j++
					for j < len(src) && isNameChar(src[j]) {
						j++
					}
				}
			}
			out = append(out, token{tName, src[i:j], i})
			i = j
			continue
		case c == '$':
			j := i + 1
			for j < len(src) && isNameChar(src[j]) {
				j++
			}
			out = append(out, token{tVar, src[i+1 : j], i})
			i = j
			continue
		}
		two := ""
		if i+1 < len(src) {
			two = src[i : i+2]
		}
		switch two {
		case "//":
			out = append(out, token{tSlash2, two, i})
			i += 2
			continue
		case "..":
			out = append(out, token{tDot2, two, i})
			i += 2
			continue
		case "::":
			out = append(out, token{tAxis, two, i})
			i += 2
			continue
		case "!=", "<=", ">=":
			out = append(out, token{tOp, two, i})
			i += 2
			continue
		}
		k := tEOF
		switch c {
		case '*':
			k = tStar
		case '@':
			k = tAt
		case '/':
			k = tSlash
		case '(':
			k = tLParen
		case ')':
			k = tRParen
		case '[':
			k = tLBrack
		case ']':
			k = tRBrack
		case ',':
			k = tComma
		case '|':
			k = tPipe
		case '=', '<', '>', '+', '-':
			k = tOp
		case '.':
			k = tDot
		default:
			return nil, fmt.Errorf("unexpected %q at %d", c, i)
		}
		out = append(out, token{k, string(c), i})
		i++
	}
	out = append(out, token{tEOF, "", len(src)})
	return out, nil
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isNameChar(c byte) bool {
	return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.'
}
