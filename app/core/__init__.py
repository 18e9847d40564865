"""Building blocks every other package may use: column types, validated field types,
pagination, SQL helpers, versioned writes and the API's path prefix. Imports no other
package of the app."""
