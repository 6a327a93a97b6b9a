"""在线申报 (the online application), free of Qt: the rules of each step (`rules`) and the
flow from the item's conditions to the rating (`flow`), whose transitions return effects
for the UI to run."""
