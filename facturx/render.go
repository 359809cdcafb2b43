package facturx

import (
	"bytes"
	"errors"
	"io"
	"strconv"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/pdfgen"
)

// Render writes to w a readable A4 invoice drawn from inv, as a PDF/A-3B.
//
// The document shows every figure as the model holds it, never rounded:
// amounts with at least 2 decimals, prices and quantities with the
// decimals of their values. Labels are French unless o.Language says
// English. Long texts wrap, long invoices run over several pages with the
// lines table's header repeated and the pages numbered.
//
// The text is drawn in the Go fonts, embedded. A character the fonts have
// no glyph for (Chinese, emoji) gives a *GlyphError naming the business
// term that holds it. Render does not change inv, and the same invoice and
// Options give the same bytes.
func Render(w io.Writer, inv *einvoice.Invoice, o *Options) error {
	var opts Options
	if o != nil {
		opts = *o
	}
	if opts.Title == "" {
		opts.Title = defaultTitle(inv, opts.Language)
	}
	raw, err := renderPDF(inv, &opts)
	if err != nil {
		return err
	}
	return makePDFA(w, raw, nil, &opts)
}

// defaultTitle is the document title: "Facture F-1", "Avoir F-1",
// "Invoice F-1" or "Credit note F-1".
func defaultTitle(inv *einvoice.Invoice, lang Language) string {
	l := labelsFor(lang)
	word := l.titleInvoice
	if inv.TypeCode.IsCreditNote() {
		word = l.titleCN
	}
	if inv.Number == "" {
		return word
	}
	return word + " " + inv.Number
}

// renderPDF draws the invoice as a plain PDF 1.7, not yet PDF/A.
func renderPDF(inv *einvoice.Invoice, o *Options) ([]byte, error) {
	if inv == nil {
		return nil, errors.New("facturx: Render of a nil invoice")
	}
	r := newRenderer(inv, o.Language)
	r.drawInvoice()
	if r.err != nil {
		return nil, r.err
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := r.doc.Write(&buf, pdfgen.Info{Title: o.Title}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderer holds the state of one Render call.
type renderer struct {
	inv    *einvoice.Invoice
	lang   Language
	l      *labels
	doc    *pdfgen.Doc
	page   *pdfgen.Page
	pageNo int     // the page being drawn, from 1
	y      float64 // the cursor, from the top of the page
	err    error   // the first error; drawing goes on but nothing is written

	reg, bold                                                         *pdfgen.Font
	sTitle, sName, sBody, sBold, sLabel, sSmall, sSmallBold, sHeading style
	sCell, sCellBold, sDetail, sTotal, sDue                           style

	runningHead, runningRight string
	runningHeadH              float64 // the height of the running head
	repeatH                   float64 // the height of the table header repeated on new pages

	// trace, when set (by tests), is told of each line of text drawn.
	trace func(textBox)
}

// textBox is a line of text as drawn: its page (from 1), its left, top,
// width and height from the page's top left corner, its style.
type textBox struct {
	page         int
	x, top, w, h float64
	bold         bool
	size         float64
	s            string
}

func newRenderer(inv *einvoice.Invoice, lang Language) *renderer {
	reg, bold := pdfgen.GoRegular(), pdfgen.GoBold()
	r := &renderer{
		inv: inv, lang: lang, l: labelsFor(lang), doc: pdfgen.New(), reg: reg, bold: bold,
		sTitle:     style{bold, 22, colStrong},
		sName:      style{bold, 13, colStrong},
		sBody:      style{reg, 8.5, colText},
		sBold:      style{bold, 8.5, colStrong},
		sLabel:     style{reg, 7.5, colMuted},
		sSmall:     style{reg, 7, colMuted},
		sSmallBold: style{bold, 7, colText},
		sHeading:   style{bold, 7.5, colMuted},
		sCell:      style{reg, 8, colText},
		sCellBold:  style{bold, 8, colStrong},
		sDetail:    style{reg, 7, colMuted},
		sTotal:     style{bold, 9, colStrong},
		sDue:       style{bold, 10.5, colStrong},
	}
	r.runningHeadH = r.sSmallBold.lead() + 14
	return r
}

// check cleans a text of the invoice for drawing and records a
// *GlyphError naming term when the fonts lack a glyph for one of its
// characters.
func (r *renderer) check(s, term string) string {
	s = clean(s)
	if r.err != nil {
		return s
	}
	for _, f := range [...]*pdfgen.Font{r.reg, r.bold} {
		for _, c := range s {
			if c == '\n' {
				continue
			}
			if _, ok := f.Glyph(c); !ok {
				r.err = &GlyphError{Rune: c, Text: s, Term: term}
				return s
			}
		}
	}
	return s
}

// glyphError turns the drawing library's error into a *GlyphError.
func glyphError(err error, term string) error {
	var ge *pdfgen.GlyphError
	if errors.As(err, &ge) {
		return &GlyphError{Rune: ge.Rune, Text: ge.Text, Term: term}
	}
	return err
}

// footers numbers the pages and repeats the seller's legal identity at the
// bottom of each.
func (r *renderer) footers() {
	inv := r.inv
	parts := []string{}
	if s := r.check(inv.Seller.Name, "BT-27"); s != "" {
		parts = append(parts, s)
	}
	if s := r.check(inv.Seller.AdditionalLegalInfo, "BT-33"); s != "" {
		parts = append(parts, s)
	}
	if id := inv.Seller.LegalRegistration; id.Value != "" {
		parts = append(parts, idLabel(id, r.l.registration, r.lang)+" "+r.check(id.Value, "BT-30"))
	}
	if s := r.check(inv.Seller.VATID, "BT-31"); s != "" {
		parts = append(parts, r.l.vatID+" "+s)
	}
	legal := joinNonEmpty(" – ", parts...)
	n := r.doc.Pages()
	for i := range n {
		r.page, r.pageNo = r.doc.PageAt(i), i+1
		b := &block{w: contentW}
		b.rule(0, 0.5, colRule)
		pageNo := r.l.page + " " + strconv.Itoa(i+1) + "/" + strconv.Itoa(n)
		pw := r.sSmallBold.font.Width(pageNo, r.sSmallBold.size) + 2
		// At most three lines: the legal information is in the seller's
		// block in full.
		lines := wrap(r.sSmall, legal, contentW-pw-20)
		for j, ln := range lines[:min(3, len(lines))] {
			b.runs = append(b.runs, run{x: 0, top: 5 + float64(j)*r.sSmall.lead(), st: r.sSmall, s: ln})
		}
		b.text(r.sSmallBold, pageNo, contentW-pw, 5, pw, right)
		b.h = 5 + 3*r.sSmall.lead()
		r.draw(b, marginX, footerRule)
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
