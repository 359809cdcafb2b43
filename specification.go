package einvoice

import "strings"

// FacturXProfile returns the Factur-X profile that a specification
// identifier (BT-24, ProcessControl.Specification) names, in the command
// line's spelling: "minimum", "basicwl", "basic", "en16931", "extended", or
// "extended-ctc-fr" for the French EXTENDED-CTC-FR profile of the 2026
// reform (urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr),
// a subset of EXTENDED for CII exchanged alone (a Factur-X PDF declares the
// Factur-X EXTENDED identifier instead). It knows the Factur-X 1.0 URNs and
// the ZUGFeRD 2.0 and 2.1 spellings of the same profiles, white space
// around them ignored, and returns "" for any other identifier (an
// XRechnung or Peppol CIUS, say). Packages cii and validate both read
// BT-24 through it.
func FacturXProfile(specification string) string {
	switch strings.TrimSpace(specification) {
	case "urn:factur-x.eu:1p0:minimum", "urn:zugferd.de:2p0:minimum", "urn:zugferd.de:2p1:minimum":
		return "minimum"
	case "urn:factur-x.eu:1p0:basicwl", "urn:zugferd.de:2p0:basicwl", "urn:zugferd.de:2p1:basicwl":
		return "basicwl"
	case "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
		"urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic",
		"urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic",
		"urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p1:basic":
		return "basic"
	case "urn:cen.eu:en16931:2017":
		return "en16931"
	case "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
		"urn:cen.eu:en16931:2017:conformant:factur-x.eu:1p0:extended",
		"urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended",
		"urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p1:extended":
		return "extended"
	case "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr":
		return "extended-ctc-fr"
	}
	return ""
}
