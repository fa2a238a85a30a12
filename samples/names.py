"""Invented people for the sample schools: varied first and last names, no real-person data."""

from __future__ import annotations

import random

FIRST_NAMES: tuple[str, ...] = (
    "Aaliyah", "Aarav", "Abigail", "Adebayo", "Aiko", "Aisha", "Alejandro", "Alexei", "Amara",
    "Amelia", "Ananya", "Andile", "Arjun", "Astrid", "Ava", "Bao", "Beatriz", "Benjamin", "Bilal",
    "Bruno", "Camila", "Carlos", "Chen", "Chiara", "Chloe", "Dalia", "Daniel", "Dario", "Deepa",
    "Diego", "Dmitri", "Ebony", "Elena", "Elijah", "Emeka", "Emily", "Emma", "Esperanza", "Ethan",
    "Fatima", "Felix", "Fiona", "Gabriel", "Grace", "Hana", "Hannah", "Hiroshi", "Ibrahim", "Imani",
    "Ingrid", "Isaac", "Isabella", "Ivan", "Jada", "Jamal", "Javier", "Jin", "Jonah", "Jose",
    "Joaquin", "Kai", "Kamala", "Kenji", "Keanu", "Khalid", "Kiara", "Kofi", "Layla", "Leila",
    "Leon", "Liam", "Lina", "Lucas", "Lucia", "Luis", "Maeve", "Malik", "Mara", "Marcus", "Maria",
    "Mateo", "Maya", "Mei", "Miguel", "Mina", "Mohammed", "Nadia", "Naomi", "Nia", "Nikhil",
    "Noah", "Nora", "Oliver", "Olivia", "Omar", "Oscar", "Paloma", "Priya", "Quinn", "Rafael",
    "Rania", "Ravi", "Rosa", "Ruth", "Ryo", "Samir", "Santiago", "Sara", "Sebastian", "Sienna",
    "Sofia", "Soren", "Sunita", "Tariq", "Tatiana", "Theo", "Tomas", "Uma", "Valentina", "Victor",
    "Wei", "Xavier", "Yara", "Yusuf", "Zainab", "Zara", "Zoe",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Abebe", "Acosta", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bakshi", "Banerjee", "Becker",
    "Bianchi", "Brooks", "Campbell", "Castillo", "Chandra", "Chen", "Cho", "Costa", "Cruz",
    "Dang", "Das", "Delgado", "Diallo", "Dubois", "Edwards", "Eriksen", "Esposito", "Fernandes",
    "Fischer", "Flores", "Fofana", "Foster", "Gallagher", "Garcia", "Ghosh", "Gomez", "Gonzalez",
    "Gupta", "Haddad", "Hansen", "Hayashi", "Henderson", "Hernandez", "Hoang", "Hughes", "Ibrahim",
    "Ito", "Jackson", "Jensen", "Johansson", "Kamara", "Kapoor", "Kaur", "Kelly", "Khan", "Kim",
    "Kowalski", "Kumar", "Larsen", "Le", "Lee", "Lopez", "Mahmoud", "Martin", "Martinez", "Mbeki",
    "Mendoza", "Mensah", "Moreau", "Morales", "Murphy", "Nakamura", "Nguyen", "Novak", "Nowak",
    "Nunez", "Obi", "O'Brien", "Okafor", "Okonkwo", "Olsen", "Ortiz", "Osei", "Park", "Patel",
    "Pereira", "Petrov", "Phillips", "Popescu", "Quinn", "Rahman", "Ramirez", "Reyes", "Rivera",
    "Rossi", "Russo", "Saito", "Salazar", "Sanchez", "Santos", "Schmidt", "Sharma", "Silva",
    "Singh", "Sokolov", "Suzuki", "Tan", "Tanaka", "Taylor", "Thompson", "Torres", "Tran",
    "Vargas", "Vasquez", "Volkov", "Walker", "Wang", "Washington", "Watanabe", "Weber", "Wong",
    "Wu", "Yamamoto", "Yilmaz", "Young", "Zhang", "Zielinski",
)  # fmt: skip


def unique_names(rng: random.Random, count: int, *, taken: set[str] | None = None) -> list[str]:
    """``count`` distinct "First Last" names in the order ``rng`` draws them.

    ``taken`` (updated in place) keeps names distinct across calls, e.g. teachers and students.
    """
    capacity = len(FIRST_NAMES) * len(LAST_NAMES)
    seen = taken if taken is not None else set()
    if count + len(seen) > capacity:
        raise ValueError(f"only {capacity} distinct names exist; {count} more were asked for")
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names
