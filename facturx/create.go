package facturx

import (
	"bytes"
	"io"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
)

// Create writes to w the Factur-X PDF/A-3B of inv: the invoice drawn as
// Render draws it, with inv encoded as CII in the profile o.Profile (EN 16931
// by default) attached as factur-x.xml. It is Render, cii.Encode and Embed
// in one call, with one PDF pass instead of two.
//
// The profile cii.ExtendedCTCFR, the French subset of EXTENDED, is written
// as Factur-X EXTENDED: the XML declares the Factur-X EXTENDED identifier
// (urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended) as
// BT-24 and the XMP metadata the conformance level EXTENDED, as a Factur-X
// PDF must (the official validators take one whose XML declares the
// EXTENDED-CTC-FR identifier for plain CII).
//
// An invoice holding a term the profile cannot carry gives the CII
// encoder's *cii.ProfileError; to drop such terms instead, encode with a
// cii.Encoder whose DropUnsupported is set, then Render and Embed.
// Nothing is written to w on failure.
func Create(w io.Writer, inv *einvoice.Invoice, o *Options) error {
	var opts Options
	if o != nil {
		opts = *o
	}
	if opts.Profile == 0 {
		opts.Profile = cii.EN16931
	}
	if opts.Title == "" && inv != nil {
		opts.Title = defaultTitle(inv, opts.Language)
	}
	raw, err := renderPDF(inv, &opts)
	if err != nil {
		return err
	}
	var xml bytes.Buffer
	xml.Grow(16 << 10)
	if _, err := (&cii.Encoder{Profile: opts.Profile.FacturX()}).Encode(&xml, inv); err != nil {
		return err
	}
	return makePDFA(w, raw, xml.Bytes(), &opts)
}
