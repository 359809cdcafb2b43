package ubl

// ExtendedTerms is extendedTerms, for the tests of package ubl_test.
var ExtendedTerms = extendedTerms
